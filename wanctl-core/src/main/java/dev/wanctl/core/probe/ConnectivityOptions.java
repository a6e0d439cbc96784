package dev.wanctl.core.probe;

import java.util.List;

/**
 * What the measurement-loss fallback checks ({@code fallback_checks}); public because the daemon
 * builds it from its configuration.
 *
 * @param gatewayIp        pinged first; null or blank: no gateway check
 * @param tcpTargets       then connected to, in order; any success means connectivity
 * @param timeoutNanos     for the ping and for each connect
 * @param minIntervalNanos checks run at most this often however often they are requested
 */
public record ConnectivityOptions(String gatewayIp, List<HostPort> tcpTargets, long timeoutNanos,
        long minIntervalNanos) {

    /** Validates and copies. */
    public ConnectivityOptions {
        tcpTargets = List.copyOf(tcpTargets);
        if (timeoutNanos <= 0 || minIntervalNanos < 0) {
            throw new IllegalArgumentException("connectivity check timeout must be positive");
        }
    }

    /** With short defaults: 500 ms per check, at most one check per second. */
    public static ConnectivityOptions of(String gatewayIp, List<HostPort> tcpTargets) {
        return new ConnectivityOptions(gatewayIp, tcpTargets, 500_000_000L, 1_000_000_000L);
    }

    boolean checksGateway() {
        return gatewayIp != null && !gatewayIp.isBlank();
    }
}
