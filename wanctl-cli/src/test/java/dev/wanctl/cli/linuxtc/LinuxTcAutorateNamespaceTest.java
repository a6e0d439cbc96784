package dev.wanctl.cli.linuxtc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code wanctl autorate} with {@code transport: linux-tc} for real: a "router" network namespace
 * whose upload device (a veth to a "far" namespace) and download device (an ifb) have TBF root
 * qdiscs, the daemon running inside it with an ICMP reflector across the veth. A bulk TCP upload
 * through the bottleneck fills the TBF queue, the RTT rises, and the daemon cuts the rate: the
 * qdisc's rate, read with {@code tc}, follows what the daemon says it applied, and the traffic gets
 * that rate. Needs root; CI runs it (it fails there rather than skip).
 */
class LinuxTcAutorateNamespaceTest {

    private static final long CEILING_BPS = 20_000_000L;
    private static final long FLOOR_BPS = 4_000_000L;
    private static final Pattern RATE = Pattern.compile("rate (\\d+(?:\\.\\d+)?)([KMG]?)bit");

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();
    private final List<String> namespaces = new ArrayList<>();
    private final List<String> daemonOutput = new CopyOnWriteArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private final String id = Long.toString(ProcessHandle.current().pid() % 100000);
    private final String router = "wbk" + id + "R";
    private final String far = "wbk" + id + "F";
    private final String up = "wbk" + id + "u";
    private final String peer = "wbk" + id + "p";
    private final String down = "wbk" + id + "d";

    @AfterEach
    void cleanUp() {
        for (Process p : processes.reversed()) {
            p.destroy();
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }
        for (String ns : namespaces.reversed()) {
            try {
                run("ip", "netns", "del", ns);
            } catch (Exception e) {
                System.err.println("could not remove namespace " + ns + ": " + e.getMessage());
            }
        }
    }

    @Test
    void theShapedRateFollowsTheDaemonsDecisionsUnderRealTraffic() throws Exception {
        assumeRootWithIproute2();
        long started = System.nanoTime();
        createTopology();
        Path state = dir.resolve("wbktc_state.json");
        Process daemon = start(daemonOutput, "ip", "netns", "exec", router, java(), "-cp", classpath(),
                "--enable-native-access=ALL-UNNAMED", "dev.wanctl.cli.Main", "autorate", "--config",
                config(state).toString());
        awaitTrue(Duration.ofSeconds(30), () -> Files.exists(state) && appliedUploadBps(state) > 0,
                "the daemon starts and writes its state");
        assertThat(qdiscRateBps(up)).as("idle: the upload is at the ceiling").isEqualTo(CEILING_BPS);

        List<String> sinkOut = new CopyOnWriteArrayList<>();
        start(sinkOut, "ip", "netns", "exec", far, java(), "-cp", classpath(), NamespaceTraffic.class.getName(),
                "sink", "10.203.77.2", "5001", "12");
        awaitTrue(Duration.ofSeconds(15), () -> sinkOut.contains("listening"), "the sink listens");
        start(new CopyOnWriteArrayList<>(), "ip", "netns", "exec", router, java(), "-cp", classpath(),
                NamespaceTraffic.class.getName(), "send", "10.203.77.2", "5001", "6");

        List<long[]> samples = new ArrayList<>(); // {tc rate, daemon's applied rate}
        long loadEnd = System.nanoTime() + Duration.ofSeconds(6).toNanos();
        while (System.nanoTime() < loadEnd) {
            samples.add(new long[] {qdiscRateBps(up), appliedUploadBps(state)});
            LockSupport.parkNanos(200_000_000L);
        }
        long cutTo = samples.stream().mapToLong(s -> s[0]).min().orElseThrow();
        assertThat(cutTo).as("under load the daemon cut the upload, and the qdisc has the cut rate")
                .isLessThanOrEqualTo(CEILING_BPS / 2).isGreaterThanOrEqualTo(FLOOR_BPS);
        long agreeing = samples.stream().filter(s -> s[0] == s[1]).count();
        assertThat(agreeing).as("samples where the qdisc's rate is the rate the daemon applied, of %d: %s",
                samples.size(), samplesText(samples)).isGreaterThanOrEqualTo(samples.size() * 7 / 10);

        double lastSecondBps = lastSecondBps(sinkOut, Duration.ofSeconds(6));
        long rateAtEnd = samples.getLast()[0];
        assertThat(lastSecondBps).as("the traffic of the last loaded second gets the shaped rate %d", rateAtEnd)
                .isBetween(rateAtEnd * 0.6, rateAtEnd * 1.3);

        awaitTrue(Duration.ofSeconds(30), () -> qdiscRateBps(up) == CEILING_BPS,
                "once the load is gone the daemon raises the rate back to the ceiling, and the qdisc follows");
        awaitTrue(Duration.ofSeconds(5), () -> appliedUploadBps(state) == CEILING_BPS,
                "the daemon says it applied the ceiling");

        daemon.destroy();
        assertThat(daemon.waitFor(15, TimeUnit.SECONDS)).as("the daemon stops on SIGTERM").isTrue();
        System.out.println("linux-tc autorate namespace test: cut to " + cutTo + " bit/s, last loaded second "
                + Math.round(lastSecondBps) + " bit/s, took "
                + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
    }

    private void createTopology() throws Exception {
        for (String ns : List.of(router, far)) {
            run("ip", "netns", "add", ns);
            namespaces.add(ns);
            run("ip", "-n", ns, "link", "set", "lo", "up");
        }
        run("ip", "link", "add", up, "netns", router, "type", "veth", "peer", "name", peer, "netns", far);
        run("ip", "link", "add", down, "netns", router, "type", "ifb");
        run("ip", "-n", router, "addr", "add", "10.203.77.1/30", "dev", up);
        run("ip", "-n", far, "addr", "add", "10.203.77.2/30", "dev", peer);
        for (String[] dev : new String[][] {{router, up}, {far, peer}, {router, down}}) {
            run("ip", "-n", dev[0], "link", "set", dev[1], "up");
        }
        for (String dev : List.of(up, down)) {
            run("tc", "-n", router, "qdisc", "replace", "dev", dev, "root", "tbf", "rate", "20mbit", "burst", "32kb",
                    "latency", "300ms");
        }
    }

    private Path config(Path state) throws IOException {
        String yaml = """
                wan_name: wbktc
                router:
                  transport: linux-tc
                  timeout_ms: 500
                  rate_limiter:
                    enabled: false
                queues:
                  download: %s
                  upload: %s
                continuous_monitoring:
                  enabled: true
                  interval_ms: 50
                  baseline_rtt_initial: 1
                  download:
                    floor_green_mbps: 16
                    floor_yellow_mbps: 12
                    floor_soft_red_mbps: 8
                    floor_red_mbps: 4
                    ceiling_mbps: 20
                    step_up_mbps: 1
                    factor_down: 0.8
                  upload:
                    floor_mbps: 4
                    ceiling_mbps: 20
                    step_up_mbps: 1
                    factor_down: 0.8
                    green_sustain_sec: 0.25
                  thresholds:
                    target_bloat_ms: 5
                    warn_bloat_ms: 15
                    hard_red_bloat_ms: 30
                    baseline_time_constant_sec: 50
                    load_time_constant_sec: 0.1
                    baseline_rtt_bounds:
                      min: 0.1
                      max: 50
                  ping_hosts: [10.203.77.2]
                  use_median_of_three: false
                state_file: %s
                lock_file: %s
                state_write_interval: 0.1
                health_check:
                  enabled: false
                metrics:
                  enabled: false
                """.formatted(down, up, state, dir.resolve("wbktc.lock"));
        return Files.writeString(dir.resolve("wbktc.yaml"), yaml);
    }

    private long appliedUploadBps(Path state) {
        try {
            JsonNode n = json.readTree(Files.readString(state)).path("last_applied").path("ul_rate");
            return n.isNumber() ? n.asLong() : -1;
        } catch (IOException | RuntimeException e) {
            return -1; // written at this very moment
        }
    }

    private long qdiscRateBps(String device) throws IOException, InterruptedException {
        String out = run("tc", "-n", router, "qdisc", "show", "dev", device);
        Matcher m = RATE.matcher(out);
        if (!m.find()) {
            throw new AssertionError("no rate in: " + out);
        }
        double v = Double.parseDouble(m.group(1));
        long scale = switch (m.group(2)) {
            case "K" -> 1_000L;
            case "M" -> 1_000_000L;
            case "G" -> 1_000_000_000L;
            default -> 1L;
        };
        return Math.round(v * scale);
    }

    /** Bytes per second received in the last second before {@code loadLength} ended, from the sink's reports. */
    private static double lastSecondBps(List<String> sinkOut, Duration loadLength) {
        List<long[]> points = new ArrayList<>();
        for (String line : sinkOut) {
            String[] f = line.split(" ");
            if (f.length == 2) {
                points.add(new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])});
            }
        }
        long first = points.stream().filter(p -> p[1] > 0).mapToLong(p -> p[0]).min().orElse(0);
        long to = first + loadLength.toMillis() - 300;
        long from = to - 1000;
        long[] a = points.stream().filter(p -> p[0] >= from).findFirst().orElseThrow();
        long[] b = points.stream().filter(p -> p[0] <= to).reduce((x, y) -> y).orElseThrow();
        return (b[1] - a[1]) * 8 * 1000.0 / Math.max(1, b[0] - a[0]);
    }

    private static String samplesText(List<long[]> samples) {
        StringBuilder sb = new StringBuilder();
        for (long[] s : samples) {
            sb.append(s[0] / 1000).append('/').append(s[1] / 1000).append(' ');
        }
        return sb.toString();
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private void awaitTrue(Duration limit, Check check, String what) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (!check.ok()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + limit + ": " + what + "; daemon said:\n"
                        + String.join("\n", daemonOutput));
            }
            LockSupport.parkNanos(100_000_000L);
        }
    }

    private Process start(List<String> output, String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        processes.add(p);
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    output.add(line);
                }
            } catch (IOException ended) {
                // the process ended
            }
        });
        return p;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String classpath() {
        return System.getProperty("java.class.path");
    }

    private static void assumeRootWithIproute2() {
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean tools = Files.isExecutable(Path.of("/usr/sbin/ip")) && Files.isExecutable(Path.of("/usr/sbin/tc"));
        if ("true".equals(System.getenv("CI"))) {
            assertThat(root && tools).as("CI must run this test: it needs root and iproute2").isTrue();
        }
        Assumptions.assumeTrue(root && tools, "needs root and iproute2 to create network namespaces;"
                + " CI runs as root and runs it");
    }
}
