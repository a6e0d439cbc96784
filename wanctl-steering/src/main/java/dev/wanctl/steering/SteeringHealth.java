package dev.wanctl.steering;

import static dev.wanctl.core.daemon.HealthServer.round;

import dev.wanctl.core.Version;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.core.daemon.HealthServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The steering /health document (200 healthy, 503 otherwise): the state and congestion, the rule
 * as last verified on the router, which baseline is in use and how old it is, the RTT and its
 * EWMAs, the newest CAKE stats and their age, the counters, the transitions, the router transport
 * and its last error, the probe and its reflectors, the loop and its cycle profile; and, when not
 * healthy, the {@code problems} that say why. Built on request from snapshots; never touches the
 * cycle's state.
 */
final class SteeringHealth implements Supplier<HealthServer.Response> {

    /** Toggles failing this long make the daemon unhealthy. */
    private static final long TOGGLE_DEGRADED_NANOS = TimeUnit.SECONDS.toNanos(3);
    private static final int STATS_DEGRADED_FAILURES = 3;

    private final Supplier<SteeringWiring> wiring;
    private final Clock clock;
    private final long startNanos;
    private final LongSupplier overruns;

    SteeringHealth(Supplier<SteeringWiring> wiring, Clock clock, LongSupplier overruns) {
        this.wiring = wiring;
        this.clock = clock;
        this.startNanos = clock.nanoTime();
        this.overruns = overruns;
    }

    @Override
    public HealthServer.Response get() {
        SteeringWiring w = wiring.get();
        SteeringView v = w.cycle.view();
        RuleToggler.Snapshot rule = w.toggler.snapshot();
        CakeStatsPoller.Reading stats = w.stats.latest();
        long now = clock.nanoTime();
        List<String> problems = new ArrayList<>();
        if (v.hold() != null) {
            problems.add("holding, no steering decisions: " + v.hold());
        }
        if (rule.ruleMissing() != null) {
            problems.add("steering rule \"" + w.toggler.comment() + "\" not found on the router: " + rule.ruleMissing());
        } else if (rule.router().degraded()) {
            problems.add("router " + rule.router().cause());
        }
        if (rule.failingForNanos() >= TOGGLE_DEGRADED_NANOS) {
            problems.add("steering rule changes failing for " + seconds(rule.failingForNanos()) + " s: "
                    + rule.lastError());
        }
        if (stats.consecutiveFailures() >= STATS_DEGRADED_FAILURES) {
            problems.add("CAKE stats unavailable (" + stats.consecutiveFailures() + " reads failed, last: "
                    + stats.lastError() + "): RTT-only decisions");
        }
        boolean starting = v.cycle() < 0;
        boolean healthy = !starting && problems.isEmpty();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("status", starting ? "starting" : healthy ? "healthy" : "degraded");
        doc.put("uptime_seconds", round((now - startNanos) / 1e9, 1));
        doc.put("version", Version.get());
        doc.put("state", v.state());
        doc.put("congestion", v.congestion().name());
        doc.put("problems", problems);
        doc.put("rule", rule(w, rule, now));
        doc.put("baseline", baseline(w.primary));
        doc.put("rtt", Map.of(
                "rtt_ms", round(v.rttMs(), 2),
                "delta_ms", round(v.deltaMs(), 2),
                "rtt_delta_ewma_ms", round(v.rttEwmaMs(), 2),
                "queue_ewma_packets", round(v.queueEwma(), 2)));
        doc.put("cake", cake(w.stats, stats, now));
        Map<String, Object> counters = new LinkedHashMap<>();
        counters.put("red_count", v.redCount());
        counters.put("good_count", v.goodCount());
        counters.put("red_samples_required", w.config.cakeAware() ? w.config.thresholds().redSamplesRequired()
                : w.config.thresholds().badSamples());
        counters.put("green_samples_required", w.config.cakeAware() ? w.config.thresholds().greenSamplesRequired()
                : w.config.thresholds().goodSamples());
        counters.put("confidence_score", v.score() < 0 ? null : v.score());
        doc.put("counters", counters);
        doc.put("transitions", transitions(w));
        doc.put("router", router(rule));
        doc.put("measurement", Map.of(
                "probe_method", w.probe.method().name().toLowerCase(Locale.ROOT),
                "probe_detail", w.probe.methodDetail(),
                "reflectors", w.probe.reflectorStatus()));
        doc.put("loop", Map.of(
                "interval_ms", w.config.interval().toMillis(),
                "cycles", w.cycle.cycles(),
                "overruns", overruns.getAsLong()));
        doc.put("cycle_profile", w.cycle.profiler().snapshot());
        return new HealthServer.Response(healthy, doc);
    }

    private static Map<String, Object> rule(SteeringWiring w, RuleToggler.Snapshot r, long now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("comment", w.toggler.comment());
        m.put("enabled", r.ruleEnabled());
        m.put("verified_seconds_ago", r.verifiedAtNanos() == Long.MIN_VALUE ? null
                : round((now - r.verifiedAtNanos()) / 1e9, 1));
        m.put("dry_run", r.dryRun());
        return m;
    }

    private static Map<String, Object> baseline(PrimaryState p) {
        Map<String, Object> m = new LinkedHashMap<>();
        double b = p.baselineMs();
        m.put("value_ms", Double.isNaN(b) ? null : round(b, 2));
        m.put("source", switch (p.source()) {
            case NONE -> "none";
            case FRESH -> "autorate state file";
            case LAST_GOOD -> "last good value (the autorate state file is not usable now)";
        });
        long age = p.baselineAgeMillis();
        m.put("age_seconds", age < 0 ? null : round(age / 1000.0, 1));
        m.put("file", p.file().toString());
        m.put("problem", p.problem());
        m.put("primary_zone", p.zone() == null ? null : p.zone().name());
        return m;
    }

    private static Map<String, Object> cake(CakeStatsPoller poller, CakeStatsPoller.Reading s, long now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("queue", poller.queue());
        m.put("available", s.available());
        m.put("drops", s.drops());
        m.put("packets", s.packets());
        m.put("queued_packets", s.queuedPackets());
        m.put("age_seconds", s.lastSuccessNanos() == Long.MIN_VALUE ? null : round((now - s.lastSuccessNanos()) / 1e9, 2));
        m.put("reads", s.seq());
        m.put("read_failures", s.failures());
        m.put("consecutive_failures", s.consecutiveFailures());
        m.put("last_error", s.lastError());
        return m;
    }

    private static Map<String, Object> transitions(SteeringWiring w) {
        var list = w.cycle.transitions();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", list.size());
        long last = w.cycle.lastTransitionWallMillis();
        m.put("last_transition_time", last < 0 ? null : SteeringStateCodec.iso(last, w.cycle.parts().zone()));
        List<Map<String, Object>> recent = new ArrayList<>();
        for (int i = Math.max(0, list.size() - 5); i < list.size(); i++) {
            SteeringMemory.Transition t = list.get(i);
            recent.add(Map.of("timestamp", SteeringStateCodec.iso(t.wallMillis(), w.cycle.parts().zone()),
                    "from", t.from(), "to", t.to()));
        }
        m.put("recent", recent);
        return m;
    }

    private static Map<String, Object> router(RuleToggler.Snapshot r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("transport", r.transport());
        m.put("toggle_attempts", r.attempts());
        m.put("toggle_failures", r.failures());
        m.put("failing_for_seconds", round(r.failingForNanos() / 1e9, 1));
        m.put("last_error", r.lastError());
        m.put("cause", r.router().cause());
        m.put("consecutive_failures", r.router().consecutiveFailures());
        m.put("degraded", r.router().degraded());
        return m;
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }
}
