package dev.wanctl.core.daemon;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;

/**
 * The metrics of one autorate WAN with their labels bound, so the per-cycle update allocates
 * nothing; public because the autorate daemon updates it every cycle.
 */
public final class AutorateMetrics {

    private final GaugeDataPoint dlMbps;
    private final GaugeDataPoint ulMbps;
    private final GaugeDataPoint baselineSeconds;
    private final GaugeDataPoint loadSeconds;
    private final GaugeDataPoint deltaSeconds;
    private final GaugeDataPoint dlState;
    private final GaugeDataPoint ulState;
    private final CounterDataPoint cycles;
    private final DistributionDataPoint cycleSeconds;
    private final CounterDataPoint rateLimitEvents;
    private final CounterDataPoint routerUpdates;
    private final CounterDataPoint pingFailures;

    AutorateMetrics(WanctlMetrics m, String wan) {
        dlMbps = m.bandwidthMbps.labelValues(wan, "download");
        ulMbps = m.bandwidthMbps.labelValues(wan, "upload");
        baselineSeconds = m.rttBaselineSeconds.labelValues(wan);
        loadSeconds = m.rttLoadSeconds.labelValues(wan);
        deltaSeconds = m.rttDeltaSeconds.labelValues(wan);
        dlState = m.state.labelValues(wan, "download");
        ulState = m.state.labelValues(wan, "upload");
        cycles = m.cycles.labelValues(wan);
        cycleSeconds = m.cycleDurationSeconds.labelValues(wan);
        rateLimitEvents = m.rateLimitEvents.labelValues(wan);
        routerUpdates = m.routerUpdates.labelValues(wan);
        pingFailures = m.pingFailures.labelValues(wan);
    }

    /**
     * One finished cycle: rates in Mbit/s, RTTs in ms (exported in seconds; the delta is clamped
     * at 0 as in the reference), zones as {@link WanctlMetrics#stateCode} numbers, and the cycle's
     * duration (into the histogram).
     */
    public void cycle(double dlRateMbps, double ulRateMbps, double baselineRttMs, double loadRttMs,
            int dlStateCode, int ulStateCode, double cycleDurationSeconds) {
        dlMbps.set(dlRateMbps);
        ulMbps.set(ulRateMbps);
        baselineSeconds.set(baselineRttMs / 1e3);
        loadSeconds.set(loadRttMs / 1e3);
        deltaSeconds.set(Math.max(0.0, loadRttMs - baselineRttMs) / 1e3);
        dlState.set(dlStateCode);
        ulState.set(ulStateCode);
        cycles.inc();
        cycleSeconds.observe(cycleDurationSeconds);
    }

    /** A router write was held back by the rate limiter. */
    public void rateLimitEvent() {
        rateLimitEvents.inc();
    }

    /** A router write succeeded. */
    public void routerUpdate() {
        routerUpdates.inc();
    }

    /** A cycle had no fresh RTT measurement. */
    public void pingFailure() {
        pingFailures.inc();
    }
}
