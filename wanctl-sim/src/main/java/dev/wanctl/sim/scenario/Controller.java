package dev.wanctl.sim.scenario;

import dev.wanctl.core.runtime.FlightRecorder;

/**
 * A bandwidth controller under simulation. The runner steps simulated time in 1 ms ticks and
 * calls {@link #cycle} every {@link #intervalMs()} ms of simulated time, with the harness's
 * {@code VirtualClock} already at that time; a controller observes only the reflectors' RTTs and
 * the clock and acts only by writing the router's max-limits (see {@link SimHarness}). The real
 * wanctl daemon's cycle is called here, exactly as its fixed-rate loop would call it.
 */
public interface Controller {

    /** Simulated milliseconds between two cycles (50 for wanctl's default 20 Hz). */
    int intervalMs();

    /** One control cycle at {@code nowNanos} (equal to the harness clock's {@code nanoTime()}). */
    void cycle(long nowNanos);

    /**
     * Fills in what the controller knows about its last cycle (RTT, load EWMA, baseline, delta,
     * zones, steering) for the flight recording; the runner adds rates, writes and the link's truth.
     * Values left unknown stay unknown; baselines report nothing.
     */
    default void report(FlightRecorder.Cycle cycle) {
    }

    /**
     * Ends the run: stops what the controller started and says what steering did beside it (null
     * when no steering daemon ran).
     */
    default SteeringTally finish(long endNanos) {
        return null;
    }

    /**
     * Requests its router has received so far (reads and writes, every transport), for the
     * scorecard's router load; negative when the controller talks to no router.
     */
    default long routerRequests() {
        return -1;
    }

    /** A controller that runs {@code cycle} every {@code intervalMs} and reports nothing (baselines, tests). */
    static Controller every(int intervalMs, java.util.function.LongConsumer cycle) {
        return new Controller() {
            @Override
            public int intervalMs() {
                return intervalMs;
            }

            @Override
            public void cycle(long nowNanos) {
                cycle.accept(nowNanos);
            }
        };
    }
}
