package dev.wanctl.core.config;

import dev.wanctl.core.probe.HostPort;
import dev.wanctl.core.control.FallbackPolicy;
import java.util.List;

/**
 * {@code fallback_checks}: how measurement loss is told apart from an internet outage, and what
 * the loop does meanwhile.
 *
 * @param gatewayIp empty when no gateway is pinged
 */
public record FallbackConfig(
        boolean enabled,
        boolean checkGateway,
        boolean checkTcp,
        String gatewayIp,
        List<HostPort> tcpTargets,
        FallbackPolicy.Mode mode,
        int maxFallbackCycles) {

    public FallbackConfig {
        tcpTargets = List.copyOf(tcpTargets);
    }
}
