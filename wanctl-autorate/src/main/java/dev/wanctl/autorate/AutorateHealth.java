package dev.wanctl.autorate;

import static dev.wanctl.core.daemon.HealthServer.round;

import dev.wanctl.core.Version;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.core.daemon.HealthServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The /health document: the reference implementation's fields ({@code status},
 * {@code uptime_seconds}, {@code version}, {@code consecutive_failures}, {@code wan_count},
 * {@code wans[]}) so existing monitors keep working, plus what an operator needs when something
 * is off: the router writer, the probe and its reflectors, the measurement fallback, the loop and
 * its cycle profile. Built on request from snapshots; never touches the loop's state directly.
 */
final class AutorateHealth implements Supplier<HealthServer.Response> {

    private final Supplier<AutorateCycle> cycle;
    private final Clock clock;
    private final long startNanos;
    private final LongSupplier overruns;

    AutorateHealth(Supplier<AutorateCycle> cycle, Clock clock, LongSupplier overruns) {
        this.cycle = cycle;
        this.clock = clock;
        this.startNanos = clock.nanoTime();
        this.overruns = overruns;
    }

    @Override
    public HealthServer.Response get() {
        AutorateCycle c = cycle.get();
        CycleView v = c.view();
        RateWriter.Snapshot w = c.writer().snapshot();
        List<String> reasons = new ArrayList<>();
        if (w.degraded()) {
            reasons.add("router " + w.cause());
        }
        if (v.measurementDegraded()) {
            reasons.add("measurement: no reflector answered for " + v.lostCycles() + " cycles");
        }
        String flat = c.flatCountersProblem();
        if (flat != null) {
            reasons.add("counters: " + flat);
        }
        String stateProblem = c.stateProblem();
        if (stateProblem != null) {
            reasons.add("state file: " + stateProblem);
        }
        boolean degraded = !reasons.isEmpty();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("status", degraded ? "degraded" : "healthy");
        doc.put("reasons", reasons);
        doc.put("uptime_seconds", round((clock.nanoTime() - startNanos) / 1e9, 1));
        doc.put("version", Version.get());
        doc.put("consecutive_failures", v.lostCycles());
        doc.put("wan_count", 1);
        Map<String, Object> wan = new LinkedHashMap<>();
        wan.put("name", c.config().wanName());
        wan.put("baseline_rtt_ms", round(v.baselineMs(), 2));
        wan.put("load_rtt_ms", round(v.loadMs(), 2));
        wan.put("delta_ms", round(v.deltaMs(), 2));
        wan.put("download", Map.of("current_rate_mbps", round(v.downloadBps() / 1e6, 3), "state",
                v.downloadZone().name()));
        wan.put("upload", Map.of("current_rate_mbps", round(v.uploadBps() / 1e6, 3), "state", v.uploadZone().name()));
        doc.put("wans", List.of(wan));
        doc.put("router", router(c, w));
        doc.put("measurement", Map.of(
                "probe_method", c.probe().method().name().toLowerCase(java.util.Locale.ROOT),
                "probe_detail", c.probe().methodDetail(),
                "reflectors", c.probe().reflectorStatus(),
                "lost_cycles", v.lostCycles(),
                "fallback_cycles_total", c.fallbackCycles(),
                "degraded", v.measurementDegraded()));
        doc.put("loop", Map.of(
                "interval_ms", c.config().interval().toMillis(),
                "cycles", c.cycles(),
                "overruns", overruns.getAsLong()));
        doc.put("cycle_profile", c.profiler().snapshot());
        return new HealthServer.Response(!degraded, doc);
    }

    private static Map<String, Object> router(AutorateCycle c, RateWriter.Snapshot w) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("transport", c.writer().transport());
        r.put("writes", w.writes());
        r.put("failures", w.failures());
        r.put("rate_limited", w.rateLimited());
        r.put("pending_write", w.pending()
                ? Map.of("download_mbps", w.wantedDlBps() / 1e6, "upload_mbps", w.wantedUlBps() / 1e6) : null);
        r.put("applied", w.appliedDlBps() < 0 ? null
                : Map.of("download_mbps", w.appliedDlBps() / 1e6, "upload_mbps", w.appliedUlBps() / 1e6));
        r.put("failing_for_seconds", round(w.failingForNanos() / 1e9, 1));
        r.put("last_error", w.lastError());
        r.put("cause", w.cause());
        r.put("consecutive_failures", w.consecutiveFailures());
        r.put("checks", w.checks());
        r.put("corrections", w.corrections());
        r.put("degraded", w.degraded());
        return r;
    }
}
