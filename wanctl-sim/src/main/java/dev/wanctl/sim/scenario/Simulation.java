package dev.wanctl.sim.scenario;

import dev.wanctl.core.runtime.FlightRecorder;
import dev.wanctl.core.runtime.VirtualClock;
import dev.wanctl.sim.link.Direction;
import dev.wanctl.sim.link.Link;
import dev.wanctl.sim.link.LinkDirection;
import dev.wanctl.sim.scorecard.DirectionScore;
import dev.wanctl.sim.scorecard.Scorecard;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Runs one controller on one scenario: simulated time advances in 1 ms ticks; each tick applies
 * the scenario's events, calls the controller when its interval has come round, steps the link
 * at the shaper rates the router then has, and scores the millisecond. Every scenario interval a
 * flight-recorder row is kept (when recording). Deterministic: no wall clock, all randomness from
 * the scenario's seed.
 */
public final class Simulation {

    /** A direction counts as loaded when saturating flows are on, or fixed flows fill half its capacity. */
    static final double LOADED_FRACTION = 0.5;
    private static final long MAX_RECORDED_ROWS = 2_000_000;
    private static final long NANOS_PER_MS = 1_000_000L;

    private Simulation() {
    }

    /** Runs {@code controller} on {@code scenario}; {@code record} keeps a flight recording. */
    public static RunResult run(Scenario scenario, NamedController controller, boolean record) {
        VirtualClock clock = new VirtualClock();
        Link link = LinkBuilder.build(scenario);
        SimRouter router = new SimRouter(scenario.download().ceilingBps(), scenario.upload().ceilingBps());
        SimHarness harness = new SimHarness(scenario, clock, link, router);
        Controller c = controller.factory().create(harness);
        SimulatedRouter shaper = harness.shaper();
        int cycleMs = c.intervalMs();
        if (cycleMs < 1) {
            throw new IllegalArgumentException(controller.name() + ": interval must be >= 1 ms, got " + cycleMs);
        }

        int recordMs = scenario.intervalMs();
        FlightRecorder recorder = record
                ? new FlightRecorder((int) Math.min(MAX_RECORDED_ROWS, scenario.durationMs() / recordMs + 1))
                : null;
        FlightRecorder.Cycle row = new FlightRecorder.Cycle();
        long lastDl = shaper.maxLimitBps(Direction.DOWNLOAD);
        long lastUl = shaper.maxLimitBps(Direction.UPLOAD);
        DirectionScore dlScore = new DirectionScore(scenario.download().floorBps(), lastDl);
        DirectionScore ulScore = new DirectionScore(scenario.upload().floorBps(), lastUl);
        Events events = new Events(scenario.events(), link, shaper);
        LinkDirection down = link.direction(Direction.DOWNLOAD);
        LinkDirection up = link.direction(Direction.UPLOAD);

        for (long ms = 0; ms < scenario.durationMs(); ms++) {
            long now = ms * NANOS_PER_MS;
            clock.advanceTo(now);
            events.apply(ms);
            if (ms % cycleMs == 0) {
                c.cycle(now);
            }
            link.step(ms, shaper);
            long dlBps = shaper.maxLimitBps(Direction.DOWNLOAD);
            long ulBps = shaper.maxLimitBps(Direction.UPLOAD);
            score(dlScore, ms, link, down, dlBps);
            score(ulScore, ms, link, up, ulBps);
            if (recorder != null && ms % recordMs == 0) {
                row.clear();
                row.timeNanos = now;
                c.report(row);
                if (Double.isNaN(row.rttMs)) {
                    row.rttMs = link.reflectors().freshMedianRttMs(now, 2L * recordMs * NANOS_PER_MS);
                }
                row.dlRateBps = dlBps;
                row.ulRateBps = ulBps;
                row.wrote = dlBps != lastDl || ulBps != lastUl;
                row.dlCapacityBps = down.capacityBps();
                row.ulCapacityBps = up.capacityBps();
                row.dlAddedMs = down.addedLatencyMs();
                row.ulAddedMs = up.addedLatencyMs();
                recorder.record(row);
                lastDl = dlBps;
                lastUl = ulBps;
            }
        }
        Scorecard card = Scorecard.of(scenario.name(), controller.name(), scenario.seed(),
                scenario.durationMs() / 1000.0, dlScore.finish(), ulScore.finish());
        return new RunResult(card, recorder, metadata(scenario, controller));
    }

    private static void score(DirectionScore score, long ms, Link link, LinkDirection d, long shaperBps) {
        boolean loaded = link.greedy(d.direction())
                || d.capacityBps() > 0 && d.offeredBytes() * 8000.0 >= LOADED_FRACTION * d.capacityBps();
        score.sample(ms, loaded, d.addedLatencyMs(), d.deliveredBytes(), d.capacityBytes(), d.capacityBps(), shaperBps);
    }

    private static Map<String, String> metadata(Scenario s, NamedController c) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("source", "wanctl simulate");
        m.put("scenario", s.name());
        m.put("controller", c.name());
        m.put("seed", Long.toString(s.seed()));
        m.put("config", s.configPath());
        m.put("target_bloat_ms", fmt(s.thresholds().targetMs()));
        m.put("warn_bloat_ms", fmt(s.thresholds().warnMs()));
        m.put("hard_red_bloat_ms", fmt(s.thresholds().hardRedMs()));
        m.put("dl_ceiling_bps", Long.toString(s.download().ceilingBps()));
        m.put("ul_ceiling_bps", Long.toString(s.upload().ceilingBps()));
        return m;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3f", v);
    }
}
