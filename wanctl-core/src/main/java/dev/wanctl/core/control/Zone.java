package dev.wanctl.core.control;

/**
 * Congestion zone of one direction, from the RTT delta (loaded RTT minus idle baseline). Download
 * uses all four; upload and steering use GREEN, YELLOW and RED.
 */
public enum Zone {
    GREEN(1),
    YELLOW(2),
    SOFT_RED(3),
    RED(4);

    private final int metricValue;

    Zone(int metricValue) {
        this.metricValue = metricValue;
    }

    /** The value of the reference implementation's {@code wanctl_state} gauge: 1 GREEN to 4 RED. */
    public int metricValue() {
        return metricValue;
    }
}
