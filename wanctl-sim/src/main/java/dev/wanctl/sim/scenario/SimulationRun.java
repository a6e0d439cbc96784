package dev.wanctl.sim.scenario;

import dev.wanctl.core.runtime.FlightRecorder;
import dev.wanctl.sim.link.Direction;
import dev.wanctl.sim.link.Link;
import dev.wanctl.sim.link.LinkDirection;
import dev.wanctl.sim.link.LinkTrace;
import dev.wanctl.sim.scorecard.DirectionScore;
import dev.wanctl.sim.scorecard.RouterLoad;
import dev.wanctl.sim.scorecard.Scorecard;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One run of a scenario, one simulated millisecond per {@link #tick}: apply the scenario's events,
 * call the controller when its interval has come round, step the link at the shaper rates the
 * router has then, score the millisecond, keep a flight-recorder row every scenario interval.
 * {@link Simulation} ticks it as fast as it can; {@code wanctl demo} ticks it in real time while
 * the daemons run on their own threads.
 */
public final class SimulationRun {

    /** A direction counts as loaded when saturating flows are on, or fixed flows fill half its capacity. */
    static final double LOADED_FRACTION = 0.5;
    private static final long MAX_RECORDED_ROWS = 2_000_000;
    private static final long NANOS_PER_MS = 1_000_000L;
    /** The link trace's row: as often as a testbed samples its queues. */
    private static final int TRACE_PERIOD_MS = 50;

    private final Scenario scenario;
    private final Link link;
    private final SimulatedRouter shaper;
    private final Controller controller;
    private final String controllerName;
    private final int cycleMs;
    private final int recordMs;
    private final FlightRecorder recorder;
    private final LinkTrace trace;
    private final FlightRecorder.Cycle row = new FlightRecorder.Cycle();
    private final DirectionScore dlScore;
    private final DirectionScore ulScore;
    private final RouterLoad.Counter routerLoad = new RouterLoad.Counter();
    private final Events events;
    private final LinkDirection down;
    private final LinkDirection up;
    private long lastDl;
    private long lastUl;
    private final long startMs;

    /**
     * @param controller called every {@link Controller#intervalMs()} ms; for daemons that run on
     *     their own threads, one whose {@code cycle} does nothing and whose {@code report} reads them
     * @param record keep a flight recording
     */
    public SimulationRun(Scenario scenario, Link link, SimulatedRouter shaper, Controller controller, String controllerName,
            boolean record) {
        this(scenario, link, shaper, controller, controllerName, record, 0);
    }

    /**
     * @param startMs the controller's first cycle, in ms of the schedule (it does not run before:
     *     the router keeps the rates it had)
     */
    public SimulationRun(Scenario scenario, Link link, SimulatedRouter shaper, Controller controller, String controllerName,
            boolean record, long startMs) {
        if (startMs < 0) {
            throw new IllegalArgumentException("startMs must not be negative, got " + startMs);
        }
        this.startMs = startMs;
        this.scenario = scenario;
        this.link = link;
        this.shaper = shaper;
        this.controller = controller;
        this.controllerName = controllerName;
        this.cycleMs = controller.intervalMs();
        if (cycleMs < 1) {
            throw new IllegalArgumentException(controllerName + ": interval must be >= 1 ms, got " + cycleMs);
        }
        this.recordMs = scenario.intervalMs();
        this.recorder = record
                ? new FlightRecorder((int) Math.min(MAX_RECORDED_ROWS, scenario.durationMs() / recordMs + 1))
                : null;
        this.trace = record ? new LinkTrace(TRACE_PERIOD_MS, scenario.durationMs()) : null;
        this.lastDl = shaper.maxLimitBps(Direction.DOWNLOAD);
        this.lastUl = shaper.maxLimitBps(Direction.UPLOAD);
        this.dlScore = new DirectionScore(scenario.download().floorBps(), lastDl);
        this.ulScore = new DirectionScore(scenario.upload().floorBps(), lastUl);
        this.events = new Events(scenario.events(), link, shaper);
        this.down = link.direction(Direction.DOWNLOAD);
        this.up = link.direction(Direction.UPLOAD);
    }

    /** Simulated millisecond {@code ms} (0, 1, 2, ... in order). */
    public void tick(long ms) {
        long now = ms * NANOS_PER_MS;
        events.apply(ms);
        if (ms >= startMs && (ms - startMs) % cycleMs == 0) {
            controller.cycle(now);
        }
        link.step(ms, shaper);
        if (trace != null) {
            trace.sample(link, shaper);
        }
        long dlBps = shaper.maxLimitBps(Direction.DOWNLOAD);
        long ulBps = shaper.maxLimitBps(Direction.UPLOAD);
        boolean dlLoaded = score(dlScore, ms, down, dlBps);
        boolean ulLoaded = score(ulScore, ms, up, ulBps);
        routerLoad.sample(controller.routerRequests(), dlLoaded || ulLoaded);
        if (recorder != null && ms % recordMs == 0) {
            row.clear();
            row.timeNanos = now;
            controller.report(row);
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

    /** Scores one direction's millisecond; returns whether it was loaded. */
    private boolean score(DirectionScore score, long ms, LinkDirection d, long shaperBps) {
        boolean loaded = link.greedy(d.direction())
                || d.capacityBps() > 0 && d.offeredBytes() * 8000.0 >= LOADED_FRACTION * d.capacityBps();
        score.sample(ms, loaded, d.addedLatencyMs(), d.deliveredBytes(), d.capacityBytes(), d.capacityBps(), shaperBps);
        return loaded;
    }

    /** The scorecard of the {@code simulatedMs} milliseconds ticked, and the recording. */
    public RunResult finish(long simulatedMs) {
        Scorecard card = Scorecard.of(scenario.name(), controllerName, scenario.seed(), simulatedMs / 1000.0,
                dlScore.finish(), ulScore.finish(), routerLoad.finish());
        return new RunResult(card, recorder, metadata(), trace);
    }

    private Map<String, String> metadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("source", "wanctl simulate");
        m.put("scenario", scenario.name());
        m.put("controller", controllerName);
        m.put("seed", Long.toString(scenario.seed()));
        m.put("config", scenario.configPath());
        if (scenario.thresholds() != null) {
            m.put("target_bloat_ms", fmt(scenario.thresholds().targetMs()));
            m.put("warn_bloat_ms", fmt(scenario.thresholds().warnMs()));
            m.put("hard_red_bloat_ms", fmt(scenario.thresholds().hardRedMs()));
        }
        m.put("dl_ceiling_bps", Long.toString(scenario.download().ceilingBps()));
        m.put("ul_ceiling_bps", Long.toString(scenario.upload().ceilingBps()));
        return m;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3f", v);
    }
}
