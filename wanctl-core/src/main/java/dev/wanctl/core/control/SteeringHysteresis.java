package dev.wanctl.core.control;

/**
 * The steering state machine: in GOOD, {@code redRequired} consecutive RED cycles ask to enable
 * the steering rule; in DEGRADED, {@code greenRequired} consecutive GREEN cycles ask to disable
 * it; YELLOW resets both counters. The state changes only when the caller reports the toggle
 * succeeded, so a failed toggle is asked for again next cycle.
 */
public final class SteeringHysteresis {

    /** Whether the rule is (meant to be) enabled. */
    public enum State {
        GOOD,
        DEGRADED
    }

    /** What the caller should do this cycle. */
    public enum Action {
        NONE,
        ENABLE,
        DISABLE
    }

    private final int redRequired;
    private final int greenRequired;
    private State state = State.GOOD;
    private int redCount;
    private int goodCount;

    public SteeringHysteresis(int redRequired, int greenRequired) {
        Checks.atLeastOne(redRequired, "redRequired");
        Checks.atLeastOne(greenRequired, "greenRequired");
        this.redRequired = redRequired;
        this.greenRequired = greenRequired;
    }

    /** One cycle's assessment (GREEN, YELLOW or RED). */
    public Action update(Zone assessment) {
        boolean red = assessment == Zone.RED || assessment == Zone.SOFT_RED;
        if (state == State.GOOD) {
            goodCount = 0;
            redCount = red ? redCount + 1 : 0;
            return redCount >= redRequired ? Action.ENABLE : Action.NONE;
        }
        redCount = 0;
        goodCount = assessment == Zone.GREEN ? goodCount + 1 : 0;
        return goodCount >= greenRequired ? Action.DISABLE : Action.NONE;
    }

    /** The toggle asked for succeeded (or another decider toggled): the state flips, counters reset. */
    public void transitioned(State newState) {
        state = newState;
        redCount = 0;
        goodCount = 0;
    }

    /** Restores persisted state (counters restart at zero). */
    public void restore(State s, int red, int good) {
        state = s;
        redCount = Math.max(0, red);
        goodCount = Math.max(0, good);
    }

    public State state() {
        return state;
    }

    public int redCount() {
        return redCount;
    }

    public int goodCount() {
        return goodCount;
    }
}
