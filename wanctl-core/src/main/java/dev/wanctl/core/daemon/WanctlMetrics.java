package dev.wanctl.core.daemon;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.Locale;

/**
 * The Prometheus metrics of the reference implementation, with its exact names, labels and state
 * codes, so existing dashboards and alerts keep working. Public: daemons take per-WAN handles
 * ({@link #autorate}, {@link #steering}) whose label values are bound once, so updating them
 * every cycle allocates nothing.
 */
public final class WanctlMetrics {

    private final PrometheusRegistry registry;
    final Gauge bandwidthMbps;
    final Gauge rttBaselineMs;
    final Gauge rttLoadMs;
    final Gauge rttDeltaMs;
    final Gauge state;
    final Counter cycles;
    final Gauge cycleDurationSeconds;
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
        rttBaselineMs = gauge("wanctl_rtt_baseline_ms", "Baseline RTT in milliseconds", "wan");
        rttLoadMs = gauge("wanctl_rtt_load_ms", "Load RTT (EWMA smoothed) in milliseconds", "wan");
        rttDeltaMs = gauge("wanctl_rtt_delta_ms", "RTT delta (load - baseline) in milliseconds", "wan");
        state = gauge("wanctl_state", "Current state (1=GREEN, 2=YELLOW, 3=SOFT_RED, 4=RED)", "wan", "direction");
        cycles = counter("wanctl_cycles_total", "Total number of autorate cycles", "wan");
        cycleDurationSeconds = gauge("wanctl_cycle_duration_seconds",
                "Duration of last autorate cycle in seconds", "wan");
        rateLimitEvents = counter("wanctl_rate_limit_events_total", "Total rate limit throttling events", "wan");
        routerUpdates = counter("wanctl_router_updates_total", "Total router configuration updates", "wan");
        pingFailures = counter("wanctl_ping_failures_total", "Total ping measurement failures", "wan");
        steeringEnabled = gauge("wanctl_steering_enabled", "Whether steering is enabled (1) or disabled (0)", "wan");
        steeringTransitions = counter("wanctl_steering_transitions_total", "Total steering state transitions",
                "wan", "from", "to");
        congestionState = gauge("wanctl_congestion_state", "Congestion state (1=GREEN, 2=YELLOW, 4=RED)", "wan");
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
