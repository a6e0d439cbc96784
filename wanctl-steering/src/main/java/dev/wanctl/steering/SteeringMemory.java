package dev.wanctl.steering;

import dev.wanctl.core.control.Zone;
import java.util.ArrayDeque;
import java.util.List;

/**
 * What the steering cycle keeps for the state file besides the decision's own memory
 * ({@link dev.wanctl.core.control.SteeringLaw}): the bounded histories, the baseline and the
 * transitions (wanctl-python.md §3.6). Every history holds at most {@code historySize} entries
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
    private long lastTransitionWallMillis = -1;
    private double baselineMs = Double.NaN;

    SteeringMemory(int historySize) {
        rtt = new History(historySize);
        delta = new History(historySize);
        drops = new History(historySize);
        queue = new History(historySize);
        cakeStates = new History(Math.min(CAKE_STATE_HISTORY, historySize));
        transitionCapacity = historySize;
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

    /** A decided cycle's congestion, for {@code cake_state_history}. */
    void congestion(Zone z) {
        cakeStates.add(z.ordinal());
    }

    /**
     * Takes over {@code from}'s histories (their newest entries up to this memory's sizes) and
     * transitions, as a reload does; the baseline is left to the first cycle, as after a restart.
     */
    void carryOver(SteeringMemory from) {
        copy(from.rtt, rtt);
        copy(from.delta, delta);
        copy(from.drops, drops);
        copy(from.queue, queue);
        copy(from.cakeStates, cakeStates);
        for (Transition t : from.transitions) {
            addTransition(t);
        }
        if (from.lastTransitionWallMillis >= 0) {
            lastTransitionWallMillis = from.lastTransitionWallMillis;
        }
    }

    private static void copy(History from, History to) {
        for (int i = 0; i < from.size(); i++) {
            to.add(from.get(i));
        }
    }

    /** The baseline the last cycle used (for the state file), NaN when none. */
    double baselineMs() {
        return baselineMs;
    }

    void baselineMs(double ms) {
        baselineMs = ms;
    }
}
