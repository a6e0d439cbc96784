package dev.wanctl.core.daemon;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import java.util.List;

/**
 * The steering daemon's metrics with their labels bound; public because the steering daemon
 * updates it every cycle.
 */
public final class SteeringMetrics {

    private final WanctlMetrics metrics;
    private final String wan;
    private final GaugeDataPoint enabled;
    private final GaugeDataPoint congestion;
    private final String[] from;
    private final String[] to;
    private final CounterDataPoint[] transitions;

    SteeringMetrics(WanctlMetrics m, String wan, List<String> states) {
        this.metrics = m;
        this.wan = wan;
        enabled = m.steeringEnabled.labelValues(wan);
        congestion = m.congestionState.labelValues(wan);
        int n = states.size() * states.size();
        from = new String[n];
        to = new String[n];
        transitions = new CounterDataPoint[n];
        int k = 0;
        for (String a : states) {
            for (String b : states) {
                from[k] = a;
                to[k] = b;
                transitions[k] = m.steeringTransitions.labelValues(wan, WanctlMetrics.label(a), WanctlMetrics.label(b));
                k++;
            }
        }
    }

    /** Once per cycle: whether the steering rule is on, and the congestion zone (GREEN 1, YELLOW 2, RED 4). */
    public void cycle(boolean steeringEnabled, int congestionStateCode) {
        enabled.set(steeringEnabled ? 1 : 0);
        congestion.set(congestionStateCode);
    }

    /** The steering state machine moved (labels in lower case, as the reference). */
    public void transition(String fromState, String toState) {
        for (int i = 0; i < transitions.length; i++) {
            if (from[i].equals(fromState) && to[i].equals(toState)) {
                transitions[i].inc();
                return;
            }
        }
        metrics.steeringTransitions.labelValues(wan, WanctlMetrics.label(fromState), WanctlMetrics.label(toState)).inc();
    }
}
