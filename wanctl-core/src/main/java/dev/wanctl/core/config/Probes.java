package dev.wanctl.core.config;

import dev.wanctl.core.probe.HostPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the probe keys into a {@link ProbeConfig}. */
final class Probes {

    private Probes() {}

    static ProbeConfig read(ConfigReader r, ProbeKeys k, int intervalMs, double replyTimeoutSec) {
        List<String> hosts = r.hosts(k.hosts);
        return build(r, k, hosts, intervalMs, replyTimeoutSec);
    }

    static ProbeConfig build(ConfigReader r, ProbeKeys k, List<String> hosts, int intervalMs, double replyTimeoutSec) {
        if (hosts.isEmpty() && r.present(k.hosts)) {
            r.error(k.hosts, "must list at least one reflector");
        }
        boolean median = r.bool(k.medianOfThree);
        List<String> spares = r.hosts(k.spareHosts);
        int maxAgeMs = r.present(k.maxSampleAgeMs) ? r.integer(k.maxSampleAgeMs) : 2 * intervalMs;
        String m = r.string(k.method);
        ProbeConfig.Method method = ProbeConfig.Method.valueOf((m == null ? "auto" : m).toUpperCase(Locale.ROOT));
        List<HostPort> tcp = r.targets(k.tcpTargets);
        if (!r.present(k.tcpTargets)) {
            List<HostPort> derived = new ArrayList<>();
            for (String h : hosts) {
                derived.add(new HostPort(h, 443));
            }
            tcp = derived;
        }
        double timeout = Double.isNaN(replyTimeoutSec) ? 1.0 : replyTimeoutSec;
        return new ProbeConfig(hosts, spares, median, Duration.ofMillis(maxAgeMs), method, tcp,
                Duration.ofNanos(Math.round(timeout * 1e9)));
    }
}
