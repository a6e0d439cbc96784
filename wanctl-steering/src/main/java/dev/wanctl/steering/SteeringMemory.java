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
    private final Seeded rttEwma;
    private final Seeded queueEwma;
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
        rttEwma = new Seeded(rttAlpha);
        queueEwma = new Seeded(queueAlpha);
    }

    /** Smooths this cycle's RTT delta. */
    double updateRttEwma(double deltaMs) {
        return rttEwma.update(deltaMs);
    }

    /** Smooths the CAKE backlog (kept for the state file and health; the assessment uses the raw backlog). */
    double updateQueueEwma(double queuedPackets) {
        return queueEwma.update(queuedPackets);
    }

    double rttEwma() {
        return rttEwma.value();
    }

    double queueEwma() {
        return queueEwma.value();
    }

    /** Restores the averages (a state file, a reload); a non-finite value leaves one unstarted. */
    void restoreEwmas(double rttEwmaMs, double queueEwmaPackets) {
        rttEwma.restore(rttEwmaMs);
        queueEwma.restore(queueEwmaPackets);
    }

    /**
     * An EWMA whose first sample starts it (the reference's started at 0 and took the first
     * value whole, which is the same; unlike the reference it never restarts later).
     */
    private static final class Seeded {
        private final Ewma ewma;
        private boolean started;

        Seeded(double alpha) {
            ewma = new Ewma(alpha, 0);
        }

        double update(double sample) {
            if (!started) {
                started = true;
                ewma.reset(sample);
                return sample;
            }
            return ewma.update(sample);
        }

        void restore(double v) {
            if (Double.isFinite(v)) {
                ewma.reset(v);
                started = true;
            }
        }

        double value() {
            return ewma.value();
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
