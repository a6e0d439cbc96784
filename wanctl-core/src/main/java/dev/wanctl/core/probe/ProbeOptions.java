package dev.wanctl.core.probe;

import java.util.List;

/**
 * What and how to probe; public because the daemons build it from their configuration.
 *
 * @param hosts                reflectors ({@code ping_hosts}): IPv4/IPv6 literals or host names
 * @param spareHosts           replacements for unhealthy reflectors ({@code spare_hosts})
 * @param intervalNanos        one echo to every reflector this often
 * @param timeoutNanos         a reply later than this is a loss and is discarded
 * @param tcpTargets           targets of the TCP fallback; empty: every host on port 443
 * @param methods              methods to try, in order (default: ping socket, raw socket, TCP)
 * @param resolveIntervalNanos host names are resolved again this often
 * @param thresholds           reflector health
 */
public record ProbeOptions(List<String> hosts, List<String> spareHosts, long intervalNanos, long timeoutNanos,
        List<HostPort> tcpTargets, List<ProbeMethod> methods, long resolveIntervalNanos,
        ReflectorThresholds thresholds) {

    /** Port of the TCP fallback when no {@code tcpTargets} are given. */
    public static final int DEFAULT_TCP_PORT = 443;

    /** Validates and copies. */
    public ProbeOptions {
        hosts = List.copyOf(hosts);
        spareHosts = List.copyOf(spareHosts);
        tcpTargets = List.copyOf(tcpTargets);
        methods = List.copyOf(methods);
        if (hosts.isEmpty() && tcpTargets.isEmpty()) {
            throw new IllegalArgumentException("ping_hosts must name at least one reflector");
        }
        if (intervalNanos < 1_000_000L || intervalNanos > 10_000_000_000L) {
            throw new IllegalArgumentException("probe interval must be 1 ms to 10 s, got " + intervalNanos / 1e6 + " ms");
        }
        if (timeoutNanos < intervalNanos || timeoutNanos > 60_000_000_000L) {
            throw new IllegalArgumentException("ping timeout must be at least the interval and at most 60 s, got "
                    + timeoutNanos / 1e6 + " ms");
        }
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("name at least one probe method");
        }
    }

    /** Defaults: no spares, 1 s timeout, every method, names resolved again every 10 minutes. */
    public static ProbeOptions of(List<String> hosts, long intervalNanos) {
        return new ProbeOptions(hosts, List.of(), intervalNanos, Math.max(intervalNanos, 1_000_000_000L), List.of(),
                List.of(ProbeMethod.values()), 600_000_000_000L, ReflectorThresholds.defaults(intervalNanos));
    }

    /** With spare reflectors. */
    public ProbeOptions withSpareHosts(List<String> spares) {
        return new ProbeOptions(hosts, spares, intervalNanos, timeoutNanos, tcpTargets, methods,
                resolveIntervalNanos, thresholds);
    }

    /** With another reply timeout. */
    public ProbeOptions withTimeoutNanos(long timeout) {
        return new ProbeOptions(hosts, spareHosts, intervalNanos, timeout, tcpTargets, methods,
                resolveIntervalNanos, thresholds);
    }

    /** With explicit targets for the TCP fallback. */
    public ProbeOptions withTcpTargets(List<HostPort> targets) {
        return new ProbeOptions(hosts, spareHosts, intervalNanos, timeoutNanos, targets, methods,
                resolveIntervalNanos, thresholds);
    }

    /** Trying only these methods, in this order. */
    public ProbeOptions withMethods(ProbeMethod... order) {
        return new ProbeOptions(hosts, spareHosts, intervalNanos, timeoutNanos, tcpTargets, List.of(order),
                resolveIntervalNanos, thresholds);
    }

    /** With other reflector-health thresholds. */
    public ProbeOptions withThresholds(ReflectorThresholds t) {
        return new ProbeOptions(hosts, spareHosts, intervalNanos, timeoutNanos, tcpTargets, methods,
                resolveIntervalNanos, t);
    }

    /** The slot names probed over TCP: the explicit targets, else every host on port 443. */
    List<String> tcpSlotNames() {
        if (!tcpTargets.isEmpty()) {
            return tcpTargets.stream().map(HostPort::toString).toList();
        }
        return hosts.stream().map(h -> new HostPort(h, DEFAULT_TCP_PORT).toString()).toList();
    }

    List<String> tcpSpareNames() {
        return spareHosts.stream().map(h -> new HostPort(h, DEFAULT_TCP_PORT).toString()).toList();
    }
}
