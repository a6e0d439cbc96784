package dev.wanctl.core.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WanctlMetricsTest {

    @Test
    void autorateCycleExposesTheReferenceNamesAndLabels() throws Exception {
        WanctlMetrics metrics = new WanctlMetrics();
        AutorateMetrics spectrum = metrics.autorate("Spectrum");
        spectrum.cycle(940, 38, 24.0, 22.5, WanctlMetrics.stateCode("SOFT_RED"), WanctlMetrics.stateCode("GREEN"), 0.0021);
        spectrum.cycle(930, 38, 24.0, 25.5, 2, 1, 0.0019);
        spectrum.rateLimitEvent();
        spectrum.routerUpdate();
        spectrum.pingFailure();
        try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, false, metrics.registry())) {
            var r = LocalHttp.get(server.port(), "/metrics");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains(
                    "wanctl_bandwidth_mbps{direction=\"download\",wan=\"spectrum\"} 930.0",
                    "wanctl_bandwidth_mbps{direction=\"upload\",wan=\"spectrum\"} 38.0",
                    "wanctl_rtt_baseline_seconds{wan=\"spectrum\"} 0.024",
                    "wanctl_rtt_load_seconds{wan=\"spectrum\"} 0.0255",
                    "wanctl_rtt_delta_seconds{wan=\"spectrum\"} 0.0015",
                    "wanctl_state{direction=\"download\",wan=\"spectrum\"} 2.0",
                    "wanctl_state{direction=\"upload\",wan=\"spectrum\"} 1.0",
                    "wanctl_cycles_total{wan=\"spectrum\"} 2.0",
                    "wanctl_cycle_duration_seconds_bucket{wan=\"spectrum\",le=\"0.0025\"} 2",
                    "wanctl_cycle_duration_seconds_count{wan=\"spectrum\"} 2",
                    "wanctl_build_info{java_version=\"",
                    "wanctl_rate_limit_events_total{wan=\"spectrum\"} 1.0",
                    "wanctl_router_updates_total{wan=\"spectrum\"} 1.0",
                    "wanctl_ping_failures_total{wan=\"spectrum\"} 1.0");
        }
    }

    @Test
    void rttDeltaIsClampedAtZero() throws Exception {
        WanctlMetrics metrics = new WanctlMetrics();
        metrics.autorate("att").cycle(90, 18, 30.0, 22.5, 1, 1, 0.001);
        try (MetricsServer server = MetricsServer.start("localhost", 0, false, metrics.registry())) {
            assertThat(LocalHttp.get(server.port(), "/metrics").body()).contains("wanctl_rtt_delta_seconds{wan=\"att\"} 0.0");
        }
    }

    @Test
    void steeringStateAndTransitionsUseLowerCaseLabels() throws Exception {
        WanctlMetrics metrics = new WanctlMetrics();
        SteeringMetrics steering = metrics.steering("spectrum", List.of("SPECTRUM_GOOD", "SPECTRUM_DEGRADED"));
        steering.cycle(true, WanctlMetrics.stateCode("RED"));
        steering.transition("SPECTRUM_GOOD", "SPECTRUM_DEGRADED");
        steering.transition("SPECTRUM_GOOD", "SPECTRUM_DEGRADED");
        steering.transition("SPECTRUM_DEGRADED", "UNKNOWN");
        try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, false, metrics.registry())) {
            assertThat(LocalHttp.get(server.port(), "/metrics").body()).contains(
                    "wanctl_steering_enabled{wan=\"spectrum\"} 1.0",
                    "wanctl_congestion_state{wan=\"spectrum\"} 4.0",
                    "wanctl_steering_transitions_total{from=\"spectrum_good\",to=\"spectrum_degraded\",wan=\"spectrum\"} 2.0",
                    "wanctl_steering_transitions_total{from=\"spectrum_degraded\",to=\"unknown\",wan=\"spectrum\"} 1.0");
        }
    }

    @Test
    void reflectorsAndCakeCountersAreReadWhenScraped() throws Exception {
        WanctlMetrics metrics = new WanctlMetrics();
        metrics.reflectors("Spectrum", () -> List.of(
                new dev.wanctl.core.probe.ReflectorStatus("1.1.1.1", dev.wanctl.core.probe.ReflectorState.values()[0],
                        12.5, 10, null),
                new dev.wanctl.core.probe.ReflectorStatus("9.9.9.9", dev.wanctl.core.probe.ReflectorState.values()[0],
                        Double.NaN, 100, null)));
        long[] drops = {-1};
        metrics.cakeQueue("spectrum", "WAN-Download-Spectrum", () -> drops[0], () -> 7);
        try (MetricsServer server = MetricsServer.start("127.0.0.1", 0, false, metrics.registry())) {
            String before = LocalHttp.get(server.port(), "/metrics").body();
            assertThat(before).contains("wanctl_reflector_rtt_seconds{reflector=\"1.1.1.1\",wan=\"spectrum\"} 0.0125",
                    "wanctl_reflector_loss_ratio{reflector=\"1.1.1.1\",wan=\"spectrum\"} 0.1",
                    "wanctl_reflector_loss_ratio{reflector=\"9.9.9.9\",wan=\"spectrum\"} 1.0",
                    "wanctl_cake_queued_packets{queue=\"WAN-Download-Spectrum\",wan=\"spectrum\"} 7.0")
                    .doesNotContain("wanctl_reflector_rtt_seconds{reflector=\"9.9.9.9\"", "wanctl_cake_drops_total{");
            drops[0] = 42;
            assertThat(LocalHttp.get(server.port(), "/metrics").body())
                    .contains("wanctl_cake_drops_total{queue=\"WAN-Download-Spectrum\",wan=\"spectrum\"} 42.0");
        }
    }

    @Test
    void unknownZonesAreZeroAsInTheReference() {
        assertThat(WanctlMetrics.stateCode("PURPLE")).isZero();
        assertThat(WanctlMetrics.stateCode(null)).isZero();
    }

    @Test
    void theMetricsEndpointStaysOnLoopbackUnlessAllowed() {
        assertThatThrownBy(() -> MetricsServer.start("0.0.0.0", 0, false, new WanctlMetrics().registry()))
                .hasMessageContaining("metrics.host");
    }
}
