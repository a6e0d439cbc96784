package dev.wanctl.routeros.linuxtc;

import dev.wanctl.core.runtime.ErrnoException;
import dev.wanctl.core.runtime.Libc;
import dev.wanctl.routeros.RouterException;
import dev.wanctl.routeros.RouterException.Kind;
import java.time.Duration;

/**
 * Reads and sets the rate of a Linux device's root qdisc over rtnetlink: CAKE's
 * {@code bandwidth} (what users run on OpenWrt and Debian routers), or TBF's {@code rate} (for
 * kernels without {@code sch_cake}, which is how the tests shape). Reading needs no privilege;
 * changing needs CAP_NET_ADMIN, and its absence is said in those words. Every failure is a
 * {@link RouterException}: no such device or qdisc NOT_FOUND, a kernel refusal ROUTER_ERROR, no
 * permission AUTHENTICATION (a person must grant it), no answer within the timeout TIMEOUT.
 */
public final class LinuxTcShaper implements AutoCloseable {

    private static final int EINVAL = 22;
    private static final int ENOENT = 2;
    private static final int ENODEV = 19;
    private static final int EAFNOSUPPORT = 97;

    private final Duration timeout;
    private Rtnetlink socket; // guarded by this
    private int seq; // guarded by this

    /** A shaper whose every kernel exchange is bounded by {@code timeout}; opens its socket on first use. */
    public LinuxTcShaper(Duration timeout) {
        this.timeout = timeout;
    }

    /** The root qdisc of {@code device} with its rate and counters. */
    synchronized RootQdisc read(String device) throws RouterException {
        int ifindex = ifindex(device);
        Rtnetlink.Reply r = exchange(device, TcMessages.dumpQdiscs(++seq, ifindex), seq);
        if (!r.ok()) {
            if (r.errno() == EINVAL || r.errno() == ENOENT) {
                throw new RouterException(Kind.NOT_FOUND, device + " has only the kernel's default qdisc, no CAKE:"
                        + " add one, e.g. tc qdisc replace dev " + device + " root cake bandwidth 100Mbit");
            }
            throw refused(device, "reading the root qdisc", r);
        }
        for (byte[] m : r.messages()) {
            RootQdisc q = RootQdisc.parse(m);
            if (q.ifindex() == ifindex && q.parent() == TcMessages.TC_H_ROOT) {
                return q;
            }
        }
        throw new RouterException(Kind.NOT_FOUND, device + " has only the kernel's default qdisc, no CAKE:"
                + " add one, e.g. tc qdisc replace dev " + device + " root cake bandwidth 100Mbit");
    }

    /** The root qdisc of {@code device}, which must be CAKE or TBF. */
    synchronized RootQdisc shaper(String device) throws RouterException {
        RootQdisc q = read(device);
        if (q.handle() == 0 || q.kind().equals("noqueue")) {
            throw new RouterException(Kind.NOT_FOUND, device + " has only the kernel's default qdisc (" + q.kind()
                    + "), no CAKE: add one, e.g. tc qdisc replace dev " + device + " root cake bandwidth 100Mbit");
        }
        if (!q.kind().equals("cake") && !q.kind().equals("tbf")) {
            throw new RouterException(Kind.NOT_FOUND, "the root qdisc of " + device + " is " + q.kind()
                    + " (handle " + q.handleText() + "), not cake: replace it, e.g. tc qdisc replace dev " + device
                    + " root cake bandwidth 100Mbit");
        }
        return q;
    }

    /** Sets the shaping rate of {@code device}'s root CAKE (or TBF) qdisc to {@code rateBps} bit/s. */
    public synchronized void setRateBps(String device, long rateBps) throws RouterException {
        if (rateBps < 8) {
            throw new IllegalArgumentException("a shaping rate must be at least 8 bit/s, got " + rateBps);
        }
        RootQdisc q = shaper(device);
        long bytesPerSecond = rateBps / 8;
        byte[] msg = q.kind().equals("cake")
                ? TcMessages.changeCakeRate(++seq, q.ifindex(), q.handle(), bytesPerSecond)
                : TcMessages.changeTbfRate(++seq, q.ifindex(), q.handle(), q.tbf(), bytesPerSecond);
        Rtnetlink.Reply r = exchange(device, msg, seq);
        if (!r.ok()) {
            if (r.errno() == Libc.EPERM || r.errno() == Libc.EACCES) {
                throw new RouterException(Kind.AUTHENTICATION, "changing the qdisc of " + device + " needs"
                        + " CAP_NET_ADMIN, which this process lacks: run the daemon with"
                        + " AmbientCapabilities=CAP_NET_ADMIN (systemd/linux-tc.conf, docs/TRANSPORTS.md)");
            }
            throw refused(device, "changing the rate of " + q.kind() + " " + q.handleText(), r);
        }
    }

    /** The shaping rate of {@code device}'s root qdisc in bit/s; 0 means CAKE without a bandwidth limit. */
    public long rateBps(String device) throws RouterException {
        return shaper(device).rateBytesPerSecond() * 8;
    }

    private int ifindex(String device) throws RouterException {
        int i = Rtnetlink.ifindex(device);
        if (i == 0) {
            throw new RouterException(Kind.NOT_FOUND, "no network device named \"" + device + "\" here");
        }
        return i;
    }

    private Rtnetlink.Reply exchange(String device, byte[] msg, int s) throws RouterException {
        try {
            if (socket == null) {
                socket = new Rtnetlink();
            }
            return socket.request(msg, s, timeout.toMillis());
        } catch (ErrnoException e) {
            closeSocket(); // a fresh socket starts without stale replies
            if (e.errno() == Libc.EAGAIN) {
                throw new RouterException(Kind.TIMEOUT, device + ": the kernel did not answer within "
                        + timeout.toMillis() + " ms", e);
            }
            if (e.errno() == EAFNOSUPPORT) {
                throw new RouterException(Kind.AUTHENTICATION, device + ": rtnetlink sockets are not allowed here ("
                        + e.reason() + "): the systemd unit needs RestrictAddressFamilies=AF_NETLINK, see"
                        + " systemd/linux-tc.conf and docs/TRANSPORTS.md (linux-tc)", e);
            }
            if (e.errno() == ENODEV) {
                throw new RouterException(Kind.NOT_FOUND, "network device " + device + " went away", e);
            }
            throw new RouterException(Kind.UNREACHABLE, device + ": rtnetlink: " + e.getMessage(), e);
        }
    }

    private static RouterException refused(String device, String what, Rtnetlink.Reply r) {
        return new RouterException(Kind.ROUTER_ERROR, device + ": the kernel refused " + what + ": "
                + Libc.strerror(r.errno()) + (r.extack() == null ? "" : " (" + r.extack() + ")"));
    }

    private void closeSocket() {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }

    @Override
    public synchronized void close() {
        closeSocket();
    }
}
