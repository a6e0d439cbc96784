package dev.wanctl.core.daemon;

import dev.wanctl.core.Version;
import dev.wanctl.core.probe.ReflectorStatus;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The daemons' Prometheus metrics, in base units (seconds, ratios) so that {@code promtool check
 * metrics} passes; the reference implementation's names, labels and state codes are kept where
 * they are already clean (docs/OPERATIONS.md lists which names changed). Public: daemons take
 * per-WAN handles ({@link #autorate}, {@link #steering}) whose label values are bound once, so
 * updating them every cycle allocates nothing.
 */
public final class WanctlMetrics {

    private final PrometheusRegistry registry;
    final Gauge bandwidthMbps;
    final Gauge rttBaselineSeconds;
    final Gauge rttLoadSeconds;
    final Gauge rttDeltaSeconds;
    final Gauge state;
    final Counter cycles;
    final Histogram cycleDurationSeconds;
    final Counter rateLimitEvents;
    final Counter routerUpdates;
    final Counter pingFailures;
    final Gauge steeringEnabled;
    final Counter steeringTransitions;
    final Gauge congestionState;

    /** Metrics in a registry of their own (what {@link MetricsServer} serves). */
    public WanctlMetrics() {
        this(new PrometheusRegistry());
    }

    /** Metrics registered in {@code registry}. */
    public WanctlMetrics(PrometheusRegistry registry) {
        this.registry = registry;
        bandwidthMbps = gauge("wanctl_bandwidth_mbps", "Current bandwidth limit in Mbps", "wan", "direction");
        rttBaselineSeconds = gauge("wanctl_rtt_baseline_seconds", "Baseline RTT in seconds", "wan");
        rttLoadSeconds = gauge("wanctl_rtt_load_seconds", "Load RTT (EWMA smoothed) in seconds", "wan");
        rttDeltaSeconds = gauge("wanctl_rtt_delta_seconds", "RTT delta (load - baseline) in seconds", "wan");
        state = gauge("wanctl_state", "Current state (1=GREEN, 2=YELLOW, 3=SOFT_RED, 4=RED)", "wan", "direction");
        cycles = counter("wanctl_cycles_total", "Total number of autorate cycles", "wan");
        // classic buckets only: observing is a few array writes, no allocation at 20 Hz
        cycleDurationSeconds = Histogram.builder().name("wanctl_cycle_duration_seconds")
                .help("Time one autorate cycle took (probe read, control, write hand-off, state) in seconds")
                .labelNames("wan").classicOnly()
                .classicUpperBounds(0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1)
                .withoutExemplars().register(registry);
        rateLimitEvents = counter("wanctl_rate_limit_events_total", "Total rate limit throttling events", "wan");
        routerUpdates = counter("wanctl_router_updates_total", "Total router configuration updates", "wan");
        pingFailures = counter("wanctl_ping_failures_total", "Total ping measurement failures", "wan");
        steeringEnabled = gauge("wanctl_steering_enabled", "Whether steering is enabled (1) or disabled (0)", "wan");
        steeringTransitions = counter("wanctl_steering_transitions_total", "Total steering state transitions",
                "wan", "from", "to");
        congestionState = gauge("wanctl_congestion_state", "Congestion state (1=GREEN, 2=YELLOW, 4=RED)", "wan");
        Gauge.builder().name("wanctl_build_info").help("The running wanctl version (always 1)")
                .labelNames("version", "java_version").register(registry)
                .labelValues(Version.get(), Runtime.version().toString()).set(1);
    }

    /**
     * Per-reflector RTT and loss of a daemon's probe, read when scraped: {@code
     * wanctl_reflector_rtt_seconds} and {@code wanctl_reflector_loss_ratio} with labels {@code
     * wan} and {@code reflector} (the configured host of the slot).
     */
    public void reflectors(String wan, Supplier<List<ReflectorStatus>> statuses) {
        String w = label(wan);
        GaugeWithCallback.builder().name("wanctl_reflector_rtt_seconds")
                .help("Newest RTT of each reflector in seconds (absent before its first reply)")
                .labelNames("wan", "reflector").callback(cb -> {
                    for (ReflectorStatus s : statuses.get()) {
                        if (!Double.isNaN(s.lastRttMs())) {
                            cb.call(s.lastRttMs() / 1e3, w, s.host());
                        }
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("wanctl_reflector_loss_ratio")
                .help("Share of each reflector's probes that timed out over its health window (0 to 1)")
                .labelNames("wan", "reflector").callback(cb -> {
                    for (ReflectorStatus s : statuses.get()) {
                        cb.call(s.lossPercent() / 100, w, s.host());
                    }
                }).register(registry);
    }

    /**
     * The CAKE queue counters steering reads from the router, read when scraped: {@code
     * wanctl_cake_drops_total} (the router's cumulative count; it restarts when the queue is
     * re-created) and {@code wanctl_cake_queued_packets}. {@code drops} and {@code queued}
     * return -1 before the first reading.
     */
    public void cakeQueue(String wan, String queue, LongSupplier drops, LongSupplier queued) {
        String w = label(wan);
        CounterWithCallback.builder().name("wanctl_cake_drops_total")
                .help("Packets the CAKE queue dropped, as the router counts them").labelNames("wan", "queue")
                .callback(cb -> {
                    long d = drops.getAsLong();
                    if (d >= 0) {
                        cb.call(d, w, queue);
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("wanctl_cake_queued_packets")
                .help("Packets waiting in the CAKE queue at the newest reading").labelNames("wan", "queue")
                .callback(cb -> {
                    long q = queued.getAsLong();
                    if (q >= 0) {
                        cb.call(q, w, queue);
                    }
                }).register(registry);
    }

    /** JVM and process metrics (memory, GC, threads, CPU seconds, resident memory, open files), standard names. */
    public void jvmAndProcess() {
        JvmMetrics.builder().register(registry);
    }

    private Gauge gauge(String name, String help, String... labels) {
        return Gauge.builder().name(name).help(help).labelNames(labels).withoutExemplars().register(registry);
    }

    private Counter counter(String name, String help, String... labels) {
        return Counter.builder().name(name).help(help).labelNames(labels).withoutExemplars().register(registry);
    }

    /** The registry to serve. */
    public PrometheusRegistry registry() {
        return registry;
    }

    /** Handles for one autorate WAN (label {@code wan} is the name in lower case, as the reference). */
    public AutorateMetrics autorate(String wan) {
        return new AutorateMetrics(this, label(wan));
    }

    /**
     * Handles for the steering daemon of primary WAN {@code wan}; transitions between any two of
     * {@code states} (e.g. SPECTRUM_GOOD, SPECTRUM_DEGRADED) are bound in advance.
     */
    public SteeringMetrics steering(String wan, List<String> states) {
        return new SteeringMetrics(this, label(wan), states);
    }

    /** The reference's numeric zone: GREEN 1, YELLOW 2, SOFT_RED 3, RED 4, anything else 0. */
    public static int stateCode(String zone) {
        return switch (zone) {
            case "GREEN" -> 1;
            case "YELLOW" -> 2;
            case "SOFT_RED" -> 3;
            case "RED" -> 4;
            case null, default -> 0;
        };
    }

    static String label(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
