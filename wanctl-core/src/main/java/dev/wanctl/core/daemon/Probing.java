package dev.wanctl.core.daemon;

import dev.wanctl.core.runtime.Clock;

import dev.wanctl.core.config.ProbeConfig;
import dev.wanctl.core.probe.ProbeMethod;
import dev.wanctl.core.probe.ProbeOptions;
import dev.wanctl.core.probe.RttProbe;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Starting a daemon's RTT probe from its {@code measurement} config. Public: the autorate and
 * steering daemons probe the same way and must not drift apart.
 */
public final class Probing {

    private static final long POLL_NANOS = 10_000_000L;

    private Probing() {}

    /** What to probe and how, for a cycle of {@code interval}. */
    public static ProbeOptions options(ProbeConfig p, Duration interval) {
        ProbeOptions o = ProbeOptions.of(p.hosts(), interval.toNanos())
                .withSpareHosts(p.spareHosts())
                .withTimeoutNanos(p.replyTimeout().toNanos())
                .withTcpTargets(p.tcpTargets());
        return switch (p.method()) {
            case AUTO -> o;
            case ICMP -> o.withMethods(ProbeMethod.ICMP_PING_SOCKET, ProbeMethod.ICMP_RAW_SOCKET);
            case TCP -> o.withMethods(ProbeMethod.TCP_CONNECT);
        };
    }

    /**
     * Waits until a reflector has answered, at most {@code max} of real time (a start-up wait for
     * real sockets; a virtual clock does not move meanwhile), so the first cycle has an RTT.
     * True when a sample arrived.
     */
    public static boolean awaitFirstSample(RttProbe probe, Duration max) {
        Clock real = Clock.system();
        double[] rtt = new double[probe.reflectorCount()];
        long[] at = new long[rtt.length];
        long deadline = real.nanoTime() + max.toNanos();
        while (true) {
            probe.readLatest(rtt, at);
            for (double r : rtt) {
                if (!Double.isNaN(r)) {
                    return true;
                }
            }
            if (real.nanoTime() >= deadline) {
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
