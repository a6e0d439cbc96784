package dev.wanctl.routeros.linuxtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wanctl.routeros.QueueStats;
import dev.wanctl.routeros.RouterException;
import dev.wanctl.routeros.RouterException.Kind;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tc backend for real, in two network namespaces this test creates and removes, joined by a
 * veth pair whose sending end has a TBF root qdisc (this kernel may lack sch_cake; TBF is what
 * the backend shapes with then). Rates are set and read over rtnetlink and real TCP traffic goes
 * through the bottleneck.
 */
class LinuxTcNamespaceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static NetNamespaces namespaces;
    private static String sender;
    private static String receiver;
    private static String link;
    private static String peer;
    private static final String RECEIVER_ADDRESS = "10.201.77.2";

    @BeforeAll
    static void createNamespaces() throws Exception {
        NetNamespaces.assumeAvailable();
        namespaces = new NetNamespaces();
        String id = Long.toString(ProcessHandle.current().pid() % 100000);
        sender = namespaces.add("wbk" + id + "s");
        receiver = namespaces.add("wbk" + id + "r");
        link = "wbk" + id + "s0";
        peer = "wbk" + id + "r0";
        NetNamespaces.run("ip", "link", "add", link, "netns", sender, "type", "veth", "peer", "name", peer,
                "netns", receiver);
        NetNamespaces.run("ip", "-n", sender, "addr", "add", "10.201.77.1/30", "dev", link);
        NetNamespaces.run("ip", "-n", receiver, "addr", "add", RECEIVER_ADDRESS + "/30", "dev", peer);
        NetNamespaces.run("ip", "-n", sender, "link", "set", link, "up");
        NetNamespaces.run("ip", "-n", receiver, "link", "set", peer, "up");
        NetNamespaces.run("tc", "-n", sender, "qdisc", "replace", "dev", link, "root", "tbf", "rate", "20mbit",
                "burst", "32kb", "latency", "100ms");
        NetNamespaces.run("tc", "-n", receiver, "qdisc", "replace", "dev", peer, "root", "handle", "1:", "htb");
    }

    @AfterAll
    static void removeNamespaces() {
        if (namespaces != null) {
            namespaces.close();
        }
    }

    @Test
    void theRateSetOverNetlinkIsWhatTcShowsAndWhatTrafficGets() throws Exception {
        assertThat(NetNamespaces.inside(sender, () -> {
            try (LinuxTcShaper s = new LinuxTcShaper(TIMEOUT)) {
                return s.rateBps(link);
            }
        })).isEqualTo(20_000_000L);

        for (long rateBps : new long[] {8_000_000L, 3_000_000L}) {
            NetNamespaces.inside(sender, () -> {
                try (LinuxTcShaper s = new LinuxTcShaper(TIMEOUT)) {
                    s.setRateBps(link, rateBps);
                    return null;
                }
            });
            assertThat(NetNamespaces.run("tc", "-n", sender, "qdisc", "show", "dev", link))
                    .contains("rate " + rateBps / 1_000_000 + "Mbit");

            Traffic t = send(Duration.ofMillis(1500));

            double measured = t.steadyBps();
            assertThat(measured).as("throughput at %d bit/s", rateBps)
                    .isBetween(rateBps * 0.75, rateBps * 1.15);
            assertThat(t.queueBytesDelta()).as("qdisc bytes counter").isGreaterThanOrEqualTo(t.received());
        }
    }

    /**
     * The cost of one call (docs/TRANSPORTS.md beside REST, SSH and the API): a bounded loop of
     * rate writes and counter reads over one netlink socket, printed; the bound only catches a
     * call that went badly wrong (a blocking socket, a fork per call).
     */
    @Test
    void aCallCostsFarLessThanAControlInterval() throws Exception {
        long[][] nanos = NetNamespaces.inside(sender, () -> {
            try (LinuxTcRouterClient c = new LinuxTcRouterClient(TIMEOUT)) {
                long[] writes = new long[CALLS];
                long[] reads = new long[CALLS];
                for (int i = -WARM_UP; i < CALLS; i++) {
                    long t0 = System.nanoTime();
                    c.setMaxLimit(link, i % 2 == 0 ? 20_000_000L : 19_000_000L);
                    long t1 = System.nanoTime();
                    c.readQueueStats(link);
                    long t2 = System.nanoTime();
                    if (i >= 0) {
                        writes[i] = t1 - t0;
                        reads[i] = t2 - t1;
                    }
                }
                return new long[][] {writes, reads};
            }
        });
        for (int k = 0; k < 2; k++) {
            long[] n = nanos[k];
            long total = java.util.Arrays.stream(n).sum();
            java.util.Arrays.sort(n);
            System.out.printf(java.util.Locale.ROOT, "linux-tc %s: %.0f calls/s, p50 %.3f ms, p99 %.3f ms (%d calls)%n",
                    k == 0 ? "setMaxLimit" : "readQueueStats", CALLS / (total / 1e9), n[CALLS / 2] / 1e6,
                    n[CALLS * 99 / 100] / 1e6, CALLS);
            assertThat(n[CALLS / 2]).as("p50 of a call, ns").isLessThan(5_000_000L);
        }
    }

    private static final int WARM_UP = 2_000;
    private static final int CALLS = 20_000;

    @Test
    void countersAndBacklogAreReadThroughTheRouterClient() throws Exception {
        QueueStats before = NetNamespaces.inside(sender, () -> {
            try (LinuxTcRouterClient c = new LinuxTcRouterClient(TIMEOUT)) {
                assertThat(c.readQueue(link).queueType()).isEqualTo("tbf");
                return c.readQueueStats(link);
            }
        });
        Traffic t = send(Duration.ofMillis(400));
        QueueStats after = NetNamespaces.inside(sender, () -> {
            try (LinuxTcRouterClient c = new LinuxTcRouterClient(TIMEOUT)) {
                return c.readQueueStats(link);
            }
        });

        assertThat(after.bytes() - before.bytes()).isGreaterThanOrEqualTo(t.received());
        assertThat(after.packets()).isGreaterThan(before.packets());
    }

    @Test
    void aMissingDeviceADefaultQdiscAndAnotherKindAreNamedClearly() throws Exception {
        NetNamespaces.inside(sender, () -> {
            try (LinuxTcShaper s = new LinuxTcShaper(TIMEOUT)) {
                assertThatThrownBy(() -> s.setRateBps("wbk-none0", 1_000_000L)).isInstanceOf(RouterException.class)
                        .hasMessageContaining("no network device named \"wbk-none0\"")
                        .satisfies(e -> assertThat(((RouterException) e).kind()).isEqualTo(Kind.NOT_FOUND));
                assertThatThrownBy(() -> s.setRateBps("lo", 1_000_000L)).isInstanceOf(RouterException.class)
                        .hasMessageContaining("default qdisc")
                        .satisfies(e -> assertThat(((RouterException) e).kind()).isEqualTo(Kind.NOT_FOUND));
            }
            return null;
        });
        NetNamespaces.inside(receiver, () -> {
            try (LinuxTcShaper s = new LinuxTcShaper(TIMEOUT)) {
                assertThatThrownBy(() -> s.setRateBps(peer, 1_000_000L)).isInstanceOf(RouterException.class)
                        .hasMessageContaining("is htb").hasMessageContaining("not cake");
            }
            return null;
        });
    }

    @Test
    void withoutCapNetAdminReadingWorksAndChangingSaysWhatIsMissing() throws Exception {
        NetNamespaces.inside(sender, true, () -> {
            try (LinuxTcShaper s = new LinuxTcShaper(TIMEOUT)) {
                assertThat(s.rateBps(link)).isPositive();
                assertThatThrownBy(() -> s.setRateBps(link, 5_000_000L)).isInstanceOf(RouterException.class)
                        .hasMessageContaining("CAP_NET_ADMIN")
                        .satisfies(e -> assertThat(((RouterException) e).kind()).isEqualTo(Kind.AUTHENTICATION));
            }
            return null;
        });
    }

    /** What one burst of traffic did: bytes received overall and after the first third, the qdisc's count. */
    record Traffic(long received, long steadyBytes, long steadyNanos, long queueBytesDelta) {
        double steadyBps() {
            return steadyBytes * 8 * 1e9 / steadyNanos;
        }
    }

    /** One TCP flow from the sender namespace to the receiver for {@code length}, bounded in time. */
    private static Traffic send(Duration length) throws Exception {
        AtomicLong received = new AtomicLong();
        AtomicLong port = new AtomicLong();
        Object ready = new Object();
        long[] qdiscBefore = new long[1];
        Thread sink = Thread.ofPlatform().start(() -> {
            try {
                NetNamespaces.inside(receiver, () -> {
                    try (ServerSocket server = new ServerSocket()) {
                        server.bind(new InetSocketAddress(InetAddress.getByName(RECEIVER_ADDRESS), 0));
                        server.setSoTimeout(5000);
                        synchronized (ready) {
                            port.set(server.getLocalPort());
                            ready.notifyAll();
                        }
                        try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
                            s.setSoTimeout(5000);
                            byte[] buf = new byte[65536];
                            int n;
                            while ((n = in.read(buf)) > 0) {
                                received.addAndGet(n);
                            }
                        } catch (java.net.SocketException reset) {
                            // the sender resets the connection rather than wait for its buffer to drain
                        }
                    }
                    return null;
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        synchronized (ready) {
            long end = System.nanoTime() + 5_000_000_000L;
            while (port.get() == 0 && System.nanoTime() < end) {
                ready.wait(100);
            }
        }
        long[] steady = new long[3];
        NetNamespaces.inside(sender, () -> {
            try (LinuxTcShaper q = new LinuxTcShaper(TIMEOUT);
                    Socket s = new Socket()) {
                qdiscBefore[0] = q.read(link).bytes();
                s.setSendBufferSize(64 * 1024); // little in flight: what is written is soon received
                s.connect(new InetSocketAddress(RECEIVER_ADDRESS, (int) port.get()), 2000);
                OutputStream out = s.getOutputStream();
                byte[] chunk = new byte[16384];
                long start = System.nanoTime();
                long end = start + length.toNanos();
                long steadyFrom = start + length.toNanos() / 3;
                boolean marked = false;
                while (System.nanoTime() < end) {
                    out.write(chunk);
                    if (!marked && System.nanoTime() >= steadyFrom) {
                        steady[0] = received.get();
                        steady[1] = System.nanoTime();
                        marked = true;
                    }
                }
                steady[2] = received.get();
                long stop = System.nanoTime();
                steady[1] = stop - steady[1];
                s.setSoLinger(true, 0);
                return null;
            }
        });
        long steadyBytes = steady[2] - steady[0];
        sink.join(10_000);
        long qdiscAfter = NetNamespaces.inside(sender, () -> {
            try (LinuxTcShaper q = new LinuxTcShaper(TIMEOUT)) {
                return q.read(link).bytes();
            }
        });
        return new Traffic(received.get(), steadyBytes, steady[1], qdiscAfter - qdiscBefore[0]);
    }
}
