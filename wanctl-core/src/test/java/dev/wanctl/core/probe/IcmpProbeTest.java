package dev.wanctl.core.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wanctl.core.runtime.Clock;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real ICMP echoes, to loopback only. */
class IcmpProbeTest {

    private static final long MS = 1_000_000L;
    private final Clock clock = Clock.system();

    private static boolean allFresh(RttProbe p, long maxAgeNanos) {
        double[] rtt = new double[p.reflectorCount()];
        long[] at = new long[rtt.length];
        p.readLatest(rtt, at);
        long now = System.nanoTime();
        for (int i = 0; i < rtt.length; i++) {
            if (Double.isNaN(rtt[i]) || now - at[i] > maxAgeNanos) {
                return false;
            }
        }
        return true;
    }

    @Test
    void echoesToLoopbackReflectorsGiveFreshSamplesAndNameTheMethod() {
        ProbeOptions o = ProbeOptions.of(List.of("127.0.0.1", "127.0.0.2", "127.0.0.3"), 20 * MS);
        try (RttProbe p = RttProbes.open(o, clock)) {
            System.out.println("IcmpProbeTest: method on this machine: " + p.methodDetail());
            assertThat(p.method()).isIn(ProbeMethod.ICMP_PING_SOCKET, ProbeMethod.ICMP_RAW_SOCKET);
            assertThat(p.methodDetail()).startsWith(p.method().text());
            assertThat(p.reflectorCount()).isEqualTo(3);
            Await.until(Duration.ofSeconds(10), "a fresh reply from each reflector", () -> allFresh(p, 200 * MS));

            double[] rtt = new double[3];
            long[] at = new long[3];
            p.readLatest(rtt, at);
            assertThat(java.util.Arrays.stream(rtt).boxed().toList()).allSatisfy(r -> assertThat(r).isGreaterThan(0).isLessThan(1000));
            Await.until(Duration.ofSeconds(10), "health status after the first evaluation",
                    () -> p.reflectorStatus().stream().allMatch(s -> !Double.isNaN(s.lastRttMs())));
            assertThat(p.reflectorStatus()).extracting(ReflectorStatus::state).containsOnly(ReflectorState.OK);
        }
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .as("probe threads end with close()").noneMatch(n -> n.startsWith("wanctl-probe-"));
    }

    @Test
    void ipv6LoopbackIsProbedWhenTheKernelHasIpv6OnLo() throws Exception {
        Path inet6 = Path.of("/proc/net/if_inet6");
        assumeTrue(Files.exists(inet6) && Files.readString(inet6).contains("00000000000000000000000000000001"),
                "no ::1 on lo (IPv6 disabled in this kernel or namespace)");
        ProbeOptions o = ProbeOptions.of(List.of("::1", "127.0.0.1"), 20 * MS);
        try (RttProbe p = RttProbes.open(o, clock)) {
            System.out.println("IcmpProbeTest: IPv6: " + p.methodDetail());
            Await.until(Duration.ofSeconds(10), "replies from ::1 and 127.0.0.1", () -> allFresh(p, 200 * MS));
        }
    }

    @Test
    void anUnresolvableReflectorIsReplacedByASpare() {
        EchoProbe.Resolver resolver = host -> {
            if (host.endsWith(".invalid")) {
                throw new UnknownHostException(host);
            }
            return InetAddress.getAllByName(host);
        };
        ProbeOptions o = ProbeOptions.of(List.of("127.0.0.1", "gone.invalid"), 20 * MS)
                .withSpareHosts(List.of("127.0.0.9"));
        try (RttProbe p = RttProbes.open(o, clock, resolver)) {
            Await.until(Duration.ofSeconds(10), "the spare answering in slot 1", () -> allFresh(p, 200 * MS));
            Await.until(Duration.ofSeconds(10), "status naming the replacement",
                    () -> "127.0.0.9".equals(p.reflectorStatus().get(1).replacedBy()));
            ReflectorStatus slot = p.reflectorStatus().get(1);
            assertThat(slot.host()).isEqualTo("gone.invalid");
        }
    }

    @Test
    void pingSocketsOnlyWorkWhereTheGroupRangeAllowsThem() throws Exception {
        String[] range;
        try (var in = Files.newInputStream(Path.of("/proc/sys/net/ipv4/ping_group_range"))) {
            range = new String(in.readAllBytes()).trim().split("\\s+");
        }
        long gid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:gid");
        boolean allowed = Long.parseLong(range[0]) <= gid && gid <= Long.parseLong(range[1]);
        ProbeOptions o = ProbeOptions.of(List.of("127.0.0.1"), 20 * MS).withMethods(ProbeMethod.ICMP_PING_SOCKET);
        if (allowed) {
            try (RttProbe p = RttProbes.open(o, clock)) {
                assertThat(p.method()).isEqualTo(ProbeMethod.ICMP_PING_SOCKET);
                Await.until(Duration.ofSeconds(10), "a ping-socket reply", () -> allFresh(p, 200 * MS));
            }
        } else {
            assertThatThrownBy(() -> RttProbes.open(o, clock)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ping socket").hasMessageContaining("ping_group_range");
        }
    }
}
