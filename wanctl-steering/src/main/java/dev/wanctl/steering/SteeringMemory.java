package dev.wanctl.steering;

import dev.wanctl.core.control.Ewma;
import dev.wanctl.core.control.Zone;
import java.util.ArrayDeque;
import java.util.List;

/**
 * What the steering cycle carries from one cycle to the next and across restarts, besides the
 * hysteresis: the two EWMAs, the bounded histories and the transitions of the state file
 * (wanctl-python.md §3.6). Every history holds at most {@code historySize} entries
 * ({@code cake_state_history} at most 10, as the reference), whether or not a state file was
 * loaded.
 */
final class SteeringMemory {

    static final int CAKE_STATE_HISTORY = 10;

    /**
     * One state change of the steering rule.
     *
     * @param wallMillis when it was verified
     * @param badCount the RED count that led to it
     * @param goodCount the GREEN count that led to it
     */
    record Transition(long wallMillis, String from, String to, int badCount, int goodCount) {}

    final History rtt;
    final History delta;
    final History drops;
    final History queue;
    final History cakeStates;
    private final ArrayDeque<Transition> transitions = new ArrayDeque<>();
    private final int transitionCapacity;
    private final Ewma rttEwma;
    private final Ewma queueEwma;
    private boolean rttEwmaStarted;
    private boolean queueEwmaStarted;
    private long lastTransitionWallMillis = -1;
    private Zone congestion = Zone.GREEN;
    private double baselineMs = Double.NaN;

    SteeringMemory(int historySize, double rttAlpha, double queueAlpha) {
        rtt = new History(historySize);
        delta = new History(historySize);
        drops = new History(historySize);
        queue = new History(historySize);
        cakeStates = new History(Math.min(CAKE_STATE_HISTORY, historySize));
        transitionCapacity = historySize;
        rttEwma = new Ewma(rttAlpha, 0);
        queueEwma = new Ewma(queueAlpha, 0);
    }

    /**
     * Smooths this cycle's RTT delta; the first sample starts the average (the reference's
     * average started at 0 and took the first value whole).
     */
    double updateRttEwma(double deltaMs) {
        if (!rttEwmaStarted) {
            rttEwmaStarted = true;
            rttEwma.reset(deltaMs);
            return deltaMs;
        }
        return rttEwma.update(deltaMs);
    }

    /** Smooths the CAKE backlog (kept for the state file and health; the assessment uses the raw backlog). */
    double updateQueueEwma(double queuedPackets) {
        if (!queueEwmaStarted) {
            queueEwmaStarted = true;
            queueEwma.reset(queuedPackets);
            return queuedPackets;
        }
        return queueEwma.update(queuedPackets);
    }

    double rttEwma() {
        return rttEwma.value();
    }

    double queueEwma() {
        return queueEwma.value();
    }

    /** Restores the averages (a state file, a reload). */
    void restoreEwmas(double rttEwmaMs, double queueEwmaPackets) {
        if (Double.isFinite(rttEwmaMs)) {
            rttEwma.reset(rttEwmaMs);
            rttEwmaStarted = true;
        }
        if (Double.isFinite(queueEwmaPackets)) {
            queueEwma.reset(queueEwmaPackets);
            queueEwmaStarted = true;
        }
    }

    void addTransition(Transition t) {
        if (transitions.size() == transitionCapacity) {
            transitions.removeFirst();
        }
        transitions.addLast(t);
        lastTransitionWallMillis = t.wallMillis();
    }

    /** Oldest first. */
    List<Transition> transitions() {
        return List.copyOf(transitions);
    }

    /** Wall time of the last transition, -1 when none is known. */
    long lastTransitionWallMillis() {
        return lastTransitionWallMillis;
    }

    void lastTransitionWallMillis(long wallMillis) {
        lastTransitionWallMillis = wallMillis;
    }

    Zone congestion() {
        return congestion;
    }

    void congestion(Zone z) {
        congestion = z;
        cakeStates.add(z.ordinal());
    }

    /** Sets the congestion without adding to the history (restoring). */
    void restoreCongestion(Zone z) {
        congestion = z;
    }

    /** The baseline the last cycle used (for the state file), NaN when none. */
    double baselineMs() {
        return baselineMs;
    }

    void baselineMs(double ms) {
        baselineMs = ms;
    }
}
