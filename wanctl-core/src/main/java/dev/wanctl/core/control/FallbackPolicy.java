package dev.wanctl.core.control;

/**
 * What a cycle does when no RTT measurement arrived: reuse the last loaded RTT, or freeze (no
 * rate change, no baseline update). Never stops the daemon; reports {@link #degraded()} when the
 * loss lasts or the internet is unreachable by other paths too.
 */
public final class FallbackPolicy {

    /** {@code fallback_checks.fallback_mode}. */
    public enum Mode {
        /** Reuse the last loaded RTT once, then freeze; degraded after {@code maxFallbackCycles}. */
        GRACEFUL_DEGRADATION,
        /** Always freeze. */
        FREEZE,
        /** Always reuse the last loaded RTT. */
        USE_LAST_RTT
    }

    /** Whether the internet answers by another path (gateway ping, TCP connect). */
    public enum Connectivity {
        PRESENT,
        ABSENT,
        /** No verdict yet; treated as present. */
        UNKNOWN
    }

    /** What the lost cycle does. */
    public enum Action {
        REUSE_LAST_LOAD,
        FREEZE
    }

    private final Mode mode;
    private final int maxFallbackCycles;
    private int lostCycles;
    private boolean totalLoss;

    public FallbackPolicy(Mode mode, int maxFallbackCycles) {
        this.mode = java.util.Objects.requireNonNull(mode, "mode");
        Checks.atLeastOne(maxFallbackCycles, "maxFallbackCycles");
        this.maxFallbackCycles = maxFallbackCycles;
    }

    /** A cycle with a measurement. Returns how many cycles the loss that just ended lasted (0 if none). */
    public int onMeasured() {
        int ended = lostCycles;
        lostCycles = 0;
        totalLoss = false;
        return ended;
    }

    /** A cycle without a measurement. */
    public Action onLost(Connectivity connectivity) {
        lostCycles++;
        totalLoss = connectivity == Connectivity.ABSENT;
        if (totalLoss) {
            return Action.FREEZE;
        }
        return switch (mode) {
            case FREEZE -> Action.FREEZE;
            case USE_LAST_RTT -> Action.REUSE_LAST_LOAD;
            case GRACEFUL_DEGRADATION -> lostCycles == 1 ? Action.REUSE_LAST_LOAD : Action.FREEZE;
        };
    }

    /** Consecutive cycles without a measurement so far. */
    public int lostCycles() {
        return lostCycles;
    }

    /** Whether health should say degraded: total loss, or loss beyond {@code maxFallbackCycles}. */
    public boolean degraded() {
        return totalLoss || lostCycles > maxFallbackCycles;
    }

    public Mode mode() {
        return mode;
    }
}
