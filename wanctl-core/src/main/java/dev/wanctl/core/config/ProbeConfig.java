package dev.wanctl.core.config;

import dev.wanctl.core.probe.HostPort;
import java.time.Duration;
import java.util.List;

/**
 * How RTT is measured.
 *
 * @param hosts reflectors probed every cycle
 * @param spareHosts reflectors that replace a failing one
 * @param medianOfThree median of the fresh reflectors (with three or more), else the first fresh
 * @param maxSampleAge a reflector's newest sample counts only while younger
 * @param replyTimeout a reply later than this is lost ({@code timeouts.ping})
 * @param tcpTargets targets of the TCP-connect fallback
 */
public record ProbeConfig(
        List<String> hosts,
        List<String> spareHosts,
        boolean medianOfThree,
        Duration maxSampleAge,
        Method method,
        List<HostPort> tcpTargets,
        Duration replyTimeout) {

    /** {@code probe.method}. */
    public enum Method {
        /** ICMP through a ping socket, else a raw socket, else TCP connect. */
        AUTO,
        ICMP,
        TCP
    }

    public ProbeConfig {
        hosts = List.copyOf(hosts);
        spareHosts = List.copyOf(spareHosts);
        tcpTargets = List.copyOf(tcpTargets);
    }
}
