package dev.wanctl.sim.link;

/**
 * A simulated ping reflector: its RTT over an empty link is {@code baseMs} plus jitter drawn from
 * an exponential distribution with mean {@code jitterMs}; a probe is lost with probability
 * {@code loss}, and with probability {@code outlierRate} it comes back {@code outlierMs} (x 0.5 to
 * 1.5) late (a reflector that deprioritises ICMP now and then). Probed every {@code intervalMs}.
 */
public record ReflectorSpec(String name, double baseMs, double jitterMs, double loss, double outlierRate,
                            double outlierMs, int intervalMs) {

    public ReflectorSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a reflector needs a name");
        }
        if (!(baseMs >= 0) || !(jitterMs >= 0) || !(outlierMs >= 0)) {
            throw new IllegalArgumentException("reflector " + name + ": base_ms, jitter_ms and outlier_ms must be >= 0");
        }
        if (!(loss >= 0 && loss <= 1) || !(outlierRate >= 0 && outlierRate <= 1)) {
            throw new IllegalArgumentException("reflector " + name + ": loss and outlier_rate must be between 0 and 1");
        }
        if (intervalMs < 1) {
            throw new IllegalArgumentException("reflector " + name + ": interval_ms must be >= 1, got " + intervalMs);
        }
    }

    /** A clean reflector probed every 50 ms. */
    public static ReflectorSpec clean(String name, double baseMs) {
        return new ReflectorSpec(name, baseMs, 0, 0, 0, 0, 50);
    }
}
