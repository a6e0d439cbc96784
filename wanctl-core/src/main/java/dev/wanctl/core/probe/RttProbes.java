package dev.wanctl.core.probe;

import dev.wanctl.core.runtime.Clock;
import dev.wanctl.core.runtime.ErrnoException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the best RTT probe this host allows: ICMP over ping sockets, else over raw sockets, else
 * TCP connect times; says which and why in an INFO line. Public: the daemons' entry point to the
 * probe.
 */
public final class RttProbes {

    private static final Logger LOG = LoggerFactory.getLogger(RttProbes.class);
    private static final Path PING_GROUP_RANGE = Path.of("/proc/sys/net/ipv4/ping_group_range");

    private RttProbes() {
    }

    /** Opens and starts a probe; close it at shutdown. */
    public static RttProbe open(ProbeOptions options, Clock clock) {
        return open(options, clock, InetAddress::getAllByName);
    }

    static RttProbe open(ProbeOptions options, Clock clock, EchoProbe.Resolver resolver) {
        List<String> all = Stream.concat(options.hosts().stream(), options.spareHosts().stream()).toList();
        boolean needV4 = all.stream().anyMatch(h -> !isLiteral(h, Inet6Address.class));
        boolean needV6 = all.stream().anyMatch(h -> !isLiteral(h, Inet4Address.class));
        List<String> problems = new ArrayList<>();
        IcmpTransport.Socket v4 = needV4 ? openIcmp(false, options.methods(), problems) : null;
        IcmpTransport.Socket v6 = needV6 ? openIcmp(true, options.methods(), problems) : null;
        EchoProbe probe;
        String detail;
        if ((v4 != null || v6 != null) && !options.hosts().isEmpty()) {
            IcmpTransport icmp = new IcmpTransport(v4, v6, clock);
            detail = icmp.method().text() + " (" + icmp.families() + ")" + because(problems);
            probe = new EchoProbe(options, clock, icmp, detail, options.hosts(), options.spareHosts(), resolver);
        } else if (options.methods().contains(ProbeMethod.TCP_CONNECT)) {
            closeQuietly(v4, v6);
            TcpConnectTransport tcp;
            try {
                tcp = new TcpConnectTransport(clock, options.timeoutNanos());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open a selector for the TCP probe", e);
            }
            detail = ProbeMethod.TCP_CONNECT.text() + " to " + String.join(", ", options.tcpSlotNames())
                    + because(problems);
            probe = new EchoProbe(options, clock, tcp, detail, options.tcpSlotNames(), options.tcpSpareNames(), resolver);
        } else {
            throw new IllegalStateException("cannot measure RTT: " + String.join("; ", problems));
        }
        LOG.info("RTT probe: {}; {} reflector(s) every {} ms, timeout {} ms", detail, probe.reflectorCount(),
                options.intervalNanos() / 1_000_000.0, options.timeoutNanos() / 1_000_000.0);
        return probe.start();
    }

    static IcmpTransport.Socket openIcmp(boolean v6, List<ProbeMethod> methods, List<String> problems) {
        for (ProbeMethod m : methods) {
            if (!m.isIcmp()) {
                continue;
            }
            try {
                return IcmpTransport.Socket.open(v6, m == ProbeMethod.ICMP_RAW_SOCKET);
            } catch (ErrnoException e) {
                problems.add((v6 ? "IPv6 " : "IPv4 ") + (m == ProbeMethod.ICMP_RAW_SOCKET ? "raw" : "ping")
                        + " socket: " + e.reason() + hint(m, e));
            }
        }
        return null;
    }

    private static String hint(ProbeMethod m, ErrnoException e) {
        if (!e.isPermissionDenied()) {
            return "";
        }
        if (m == ProbeMethod.ICMP_PING_SOCKET) {
            return " (net.ipv4.ping_group_range is '" + pingGroupRange() + "', which must include our group "
                    + groupId() + ")";
        }
        return " (needs CAP_NET_RAW: AmbientCapabilities=CAP_NET_RAW)";
    }

    private static String pingGroupRange() {
        try {
            // /proc files report size 0; read them as a stream
            try (var in = Files.newInputStream(PING_GROUP_RANGE)) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).trim()
                        .replaceAll("\\s+", " ");
            }
        } catch (IOException e) {
            return "unreadable";
        }
    }

    private static String groupId() {
        try {
            return String.valueOf(Files.getAttribute(Path.of("/proc/self"), "unix:gid"));
        } catch (IOException | RuntimeException e) {
            return "(unknown)";
        }
    }

    private static String because(List<String> problems) {
        return problems.isEmpty() ? "" : "; not used: " + String.join("; ", problems);
    }

    private static boolean isLiteral(String host, Class<? extends InetAddress> family) {
        try {
            return family.isInstance(InetAddress.ofLiteral(host));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void closeQuietly(IcmpTransport.Socket... sockets) {
        for (IcmpTransport.Socket s : sockets) {
            if (s != null) {
                dev.wanctl.core.runtime.Libc.close(s.fd());
            }
        }
    }
}
