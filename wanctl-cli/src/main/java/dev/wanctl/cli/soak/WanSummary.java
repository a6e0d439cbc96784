package dev.wanctl.cli.soak;

import java.util.List;
import java.util.Map;

/**
 * What the soak checks found for one {@code [wan]} (an autorate WAN, or steering): the numbers an
 * operator reads after a change, and the flags that crossed a {@link SoakThresholds} limit.
 */
record WanSummary(
        String wan,
        double minutes,
        long cycles,
        long overruns,
        long routerWrites,
        long rateLimited,
        long fallbackCycles,
        Map<String, Double> downloadZonePct,
        Map<String, Double> uploadZonePct,
        long rateChanges,
        long flaps,
        double maxLoadedDriftMs,
        int loadedPeriods,
        double loadedSeconds,
        int restarts,
        int watchdogKills,
        long warnings,
        long errors,
        List<ProblemKind> problems,
        int steeringTransitions,
        double degradedPct,
        int ruleChanges,
        int ruleChangesVerified,
        List<String> flags) {

    /** WARN/ERROR lines of one kind (the message up to its first " (" or ":"), with an example. */
    record ProblemKind(String kind, long warnings, long errors, String example) {}

    boolean isAutorate() {
        return cycles > 0 || !downloadZonePct.isEmpty();
    }

    boolean isSteering() {
        return steeringTransitions > 0 || degradedPct >= 0;
    }

    double perHour(double count) {
        return count / Math.max(minutes, 10.0) * 60.0;
    }

    double perMinute(double count) {
        return count / Math.max(minutes, 1.0);
    }
}
