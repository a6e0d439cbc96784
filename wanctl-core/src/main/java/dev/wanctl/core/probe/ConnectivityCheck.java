package dev.wanctl.core.probe;

import dev.wanctl.core.control.FallbackPolicy;

import dev.wanctl.core.runtime.Clock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells "the reflectors are silent" from "the internet is gone" when measurements are lost: a
 * ping to the gateway, then TCP connects to the configured targets, on its own thread with short
 * timeouts. The control cycle only calls {@link #request()} and {@link #latest()}, which never
 * block. Public: the autorate daemon's measurement-loss fallback uses it.
 */
public final class ConnectivityCheck implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectivityCheck.class);

    private final ConnectivityOptions options;
    private final Clock clock;
    private final IcmpTransport icmp;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile ConnectivityVerdict latest = ConnectivityVerdict.NOT_CHECKED;
    private int seq;

    private ConnectivityCheck(ConnectivityOptions options, Clock clock, IcmpTransport icmp) {
        this.options = options;
        this.clock = clock;
        this.icmp = icmp;
        this.thread = Thread.ofPlatform().name("wanctl-connectivity").daemon(true).unstarted(this::run);
    }

    /** Starts the checker thread (idle until the first request). */
    public static ConnectivityCheck start(ConnectivityOptions options, Clock clock) {
        IcmpTransport icmp = null;
        if (options.checksGateway()) {
            boolean v6 = options.gatewayIp().indexOf(':') >= 0;
            java.util.List<String> problems = new java.util.ArrayList<>();
            IcmpTransport.Socket s = RttProbes.openIcmp(v6, java.util.List.of(ProbeMethod.ICMP_PING_SOCKET,
                    ProbeMethod.ICMP_RAW_SOCKET), problems);
            if (s == null) {
                LOG.warn("gateway check disabled, ICMP is not available: {}", String.join("; ", problems));
            } else {
                icmp = v6 ? new IcmpTransport(null, s, clock) : new IcmpTransport(s, null, clock);
            }
        }
        ConnectivityCheck c = new ConnectivityCheck(options, clock, icmp);
        c.thread.start();
        return c;
    }

    /** Asks for a check (coalesced; at most one per {@code minInterval}). Never blocks, allocates nothing. */
    public void request() {
        if (requested.compareAndSet(false, true)) {
            LockSupport.unpark(thread);
        }
    }

    /** The latest finished check. */
    public ConnectivityVerdict latest() {
        return latest;
    }

    private void run() {
        long lastCheck = Long.MIN_VALUE;
        while (running) {
            long now = clock.nanoTime();
            if (!requested.get()) {
                LockSupport.park(this);
                continue;
            }
            if (lastCheck != Long.MIN_VALUE && now - lastCheck < options.minIntervalNanos()) {
                LockSupport.parkNanos(this, options.minIntervalNanos() - (now - lastCheck));
                continue;
            }
            requested.set(false);
            try {
                latest = check();
            } catch (RuntimeException e) {
                LOG.warn("connectivity check failed: {}", e.toString());
            }
            lastCheck = clock.nanoTime();
        }
    }

    private ConnectivityVerdict check() {
        StringBuilder tried = new StringBuilder();
        if (options.checksGateway()) {
            if (icmp != null && pingGateway()) {
                return verdict(FallbackPolicy.Connectivity.PRESENT, "gateway " + options.gatewayIp() + " answered a ping");
            }
            tried.append(icmp == null ? "gateway not checked (no ICMP)" : "gateway " + options.gatewayIp() + " silent");
        }
        for (HostPort t : options.tcpTargets()) {
            if (connects(t)) {
                return verdict(FallbackPolicy.Connectivity.PRESENT, "TCP connect to " + t + " succeeded");
            }
            tried.append(tried.isEmpty() ? "" : ", ").append("TCP ").append(t).append(" failed");
        }
        return verdict(FallbackPolicy.Connectivity.ABSENT, tried.isEmpty() ? "no fallback check configured" : tried.toString());
    }

    private ConnectivityVerdict verdict(FallbackPolicy.Connectivity c, String detail) {
        return new ConnectivityVerdict(c, clock.nanoTime(), detail);
    }

    private boolean pingGateway() {
        Target gw;
        try {
            gw = Target.resolved(options.gatewayIp(), InetAddress.getByName(options.gatewayIp()), 0, 0);
        } catch (IOException e) {
            return false;
        }
        seq = (seq + 1) & 0xffff;
        int want = seq;
        boolean[] answered = new boolean[1];
        icmp.send(0, gw, want);
        long deadline = clock.nanoTime() + options.timeoutNanos();
        for (long left; !answered[0] && (left = deadline - clock.nanoTime()) > 0; ) {
            icmp.receive((int) Math.max(1, left / 1_000_000L), (slot, gen, s, at) -> answered[0] |= s == want);
        }
        return answered[0];
    }

    private boolean connects(HostPort t) {
        try (Socket s = new Socket()) {
            s.setSoLinger(true, 0);
            s.connect(new InetSocketAddress(t.host(), t.port()), (int) Math.max(1, options.timeoutNanos() / 1_000_000L));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the thread and closes the ICMP socket. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(2_000 + options.timeoutNanos() / 1_000_000L * (1 + options.tcpTargets().size()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (icmp != null && !thread.isAlive()) {
            icmp.close();
        }
    }
}
