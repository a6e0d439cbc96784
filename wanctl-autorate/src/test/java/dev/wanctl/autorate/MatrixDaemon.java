package dev.wanctl.autorate;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.probe.ProbeMethod;
import dev.wanctl.core.probe.ReflectorState;
import dev.wanctl.core.probe.ReflectorStatus;
import dev.wanctl.core.probe.RttProbe;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.core.daemon.ExitStatus;
import dev.wanctl.core.daemon.HealthServer;
import dev.wanctl.core.runtime.Sleeper;
import dev.wanctl.core.daemon.SystemdNotifier;
import dev.wanctl.core.runtime.VirtualClock;
import dev.wanctl.routeros.backends.RouterClients;
import dev.wanctl.emulator.RouterEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * One fault-matrix run: a real autorate daemon on a virtual clock against the emulator over
 * pinned HTTPS, per-reflector scripted RTT, a script acting at chosen moments, and everything an
 * operator would look at recorded: health once a second, watchdog notifications, log lines with
 * their virtual time, cycles and overruns, the state file at the end.
 */
final class MatrixDaemon implements AutoCloseable {

    static final long MS = 1_000_000L;
    static final long S = 1_000 * MS;
    static final String DL = "WAN-Download-Spectrum";
    static final String UL = "WAN-Upload-Spectrum";

    /** RTT of reflector {@code i} at {@code nowNanos}; NaN: no answer. */
    interface Rtt {
        double at(int reflector, long nowNanos);
    }

    record Line(long atNanos, Level level, String message) {}

    /**
     * Fallback checks to a closed loopback port: the defaults (1.1.1.1, 8.8.8.8) must never be
     * dialled from a test.
     */
    static final String FALLBACK_TO_NOWHERE = fallbackTo(closedLoopbackPort());

    /** A continuous_monitoring.fallback_checks section that TCP-connects to 127.0.0.1:{@code port} only. */
    static String fallbackTo(int port) {
        return """
                  fallback_checks:
                    enabled: true
                    check_gateway: false
                    tcp_targets:
                      - [127.0.0.1, %d]
                """.formatted(port);
    }

    /**
     * A directory in memory (/dev/shm) when there is one, else {@code fallback}: runs that write
     * their state thousands of times would otherwise wait on as many fsyncs of a busy disk.
     * Delete it with {@link #deleteScratch}.
     */
    static Path scratch(Path fallback) throws java.io.IOException {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "wanctl-test-")
                : fallback;
    }

    /** Deletes a {@link #scratch} directory (not the fallback, which JUnit deletes). */
    static void deleteScratch(Path scratch, Path fallback) throws java.io.IOException {
        if (scratch.equals(fallback)) {
            return;
        }
        try (var files = Files.walk(scratch)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** A loopback port nothing listens on (bound, then closed). */
    static int closedLoopbackPort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The write budget of the shipped configs (the reference's default of 5 per 10 s holds a cut back for seconds). */
    static final String SHIPPED_RATE_LIMIT = """
              rate_limiter:
                enabled: true
                max_changes: 20
                window_seconds: 10
                reserve_for_decreases: 8
            """;

    final VirtualClock clock = new VirtualClock();
    final RouterEmulator router = RouterEmulator.builder().clock(clock).sshPort(-1).start();
    final Path dir;
    final Map<Long, HealthServer.Response> health = new TreeMap<>();
    final List<Line> lines = new CopyOnWriteArrayList<>();
    final List<Long> watchdogs = new CopyOnWriteArrayList<>();
    /** One per cycle, see {@link #sample}. */
    final List<long[]> sync = new ArrayList<>();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent e) {
            lines.add(new Line(clock.nanoTime(), e.getLevel(), e.getFormattedMessage()));
        }
    };
    private final Logger ours = (Logger) LoggerFactory.getLogger("dev.wanctl");
    private final List<LongConsumer> script = new ArrayList<>();
    private String extraYaml = "";
    private long realFrom = Long.MAX_VALUE;
    private long realTo = Long.MIN_VALUE;
    private String monitoringYaml = "";
    AutorateDaemon daemon;
    int exit = -1;

    MatrixDaemon(Path dir) {
        this.dir = dir;
        appender.start();
        ours.addAppender(appender);
        if (Boolean.getBoolean("matrix.trace")) {
            ((Logger) LoggerFactory.getLogger(RateWriter.class)).setLevel(Level.DEBUG);
        }
    }

    /** Runs {@code action} on the loop thread at the first cycle at or after {@code atNanos}. */
    MatrixDaemon at(long atNanos, Runnable action) {
        boolean[] done = new boolean[1];
        script.add(now -> {
            if (!done[0] && now >= atNanos) {
                done[0] = true;
                action.run();
            }
        });
        return this;
    }

    /** Extra lines under continuous_monitoring (two-space indented). */
    MatrixDaemon monitoring(String yaml) {
        this.monitoringYaml = yaml;
        return this;
    }

    /**
     * Paces the loop in real time between these two virtual moments (a short real loop): for rows
     * where something outside the virtual clock must keep up, such as a real ICMP ping to the gateway
     * whose timeout runs on the daemon's clock.
     */
    MatrixDaemon realTimeBetween(long fromNanos, long toNanos) {
        this.realFrom = fromNanos;
        this.realTo = toNanos;
        return this;
    }

    private Sleeper sleeper() {
        return target -> {
            long now = clock.nanoTime();
            if (now >= realFrom && now < realTo && target > now) {
                java.util.concurrent.locks.LockSupport.parkNanos(target - now); // the pace of the real-time stretch
            }
            clock.advanceTo(target);
        };
    }

    /** Extra top-level lines. */
    MatrixDaemon yaml(String yaml) {
        this.extraYaml = yaml;
        return this;
    }

    Path config() throws java.io.IOException {
        // 600 ms per call: a hanging router costs the run little real time
        Path file = DaemonHarness.config(dir, router, 50, 600);
        String fallback = monitoringYaml.contains("fallback_checks") ? "" : FALLBACK_TO_NOWHERE;
        String text = Files.readString(file)
                .replace("  use_median_of_three: true\n", "  use_median_of_three: true\n" + monitoringYaml + fallback)
                .replace("router:\n", "router:\n" + SHIPPED_RATE_LIMIT)
                + extraYaml;
        Files.writeString(file, text);
        return file;
    }

    /** Runs the daemon until {@code untilNanos} of virtual time. */
    MatrixDaemon run(long untilNanos, Rtt rtt) throws Exception {
        Path file = config();
        AutorateConfig config = DaemonHarness.load(file);
        AutorateDaemon[] d = new AutorateDaemon[1];
        LongConsumer onRead = now -> {
            for (LongConsumer s : script) {
                s.accept(now);
            }
            if (d[0].currentCycle() != null) {
                sync.add(sample(now, d[0].currentCycle()));
                if (now % S < 50 * MS) {
                    health.put(now / S, d[0].health());
                }
            }
            if (now >= untilNanos) {
                d[0].stop();
            }
        };
        AutorateDaemon.Services services = new AutorateDaemon.Services(clock,
                SystemdNotifier.recording(Duration.ofSeconds(2), n -> {
                    if (n.equals("WATCHDOG=1")) {
                        watchdogs.add(clock.nanoTime());
                    }
                }), sleeper(), false, c -> new Probe(clock, rtt, onRead), RouterClients::create,
                true);
        d[0] = new AutorateDaemon(file, new AutorateDaemon.Options(false, false, false), services);
        daemon = d[0];
        DaemonHarness.Running running = new DaemonHarness.Running(d[0], config);
        exit = running.await(Duration.ofSeconds(120));
        return this;
    }

    /** What the router holds and the controller wants at the start of a cycle: {now, wantDl, wantUl, dl, ul}. */
    private long[] sample(long now, AutorateCycle c) {
        var dl = router.state().queue(DL);
        var ul = router.state().queue(UL);
        return new long[] {now, c.decision().downloadRateBps(), c.decision().uploadRateBps(),
                dl.isPresent() ? dl.get().maxLimitBps() : -1, ul.isPresent() ? ul.get().maxLimitBps() : -1};
    }

    /**
     * How old the rates on the router are at sample {@code i}: the time since the controller last
     * wanted what the router holds (0: the newest rates; {@code Long.MAX_VALUE}: never wanted).
     */
    private long stalenessAt(int i) {
        return Math.max(stalenessAt(i, 1, 3), stalenessAt(i, 2, 4));
    }

    private long stalenessAt(int i, int wanted, int held) {
        long[] now = sync.get(i);
        for (int j = i; j >= 0; j--) {
            long[] then = sync.get(j);
            if (then[wanted] == now[held]) {
                return now[0] - then[0];
            }
        }
        return Long.MAX_VALUE;
    }

    /**
     * Nanoseconds from {@code fromNanos} until the rates on the router were at most
     * {@code boundNanos} old; -1 when they never were.
     */
    long nanosUntilFresh(long fromNanos, long boundNanos) {
        for (int i = 0; i < sync.size(); i++) {
            if (sync.get(i)[0] >= fromNanos && stalenessAt(i) <= boundNanos) {
                return sync.get(i)[0] - fromNanos;
            }
        }
        return -1;
    }

    /** Prints the samples in [from, to) (debugging a row: -Dmatrix.trace=true). */
    void trace(long fromNanos, long toNanos) {
        if (!Boolean.getBoolean("matrix.trace")) {
            return;
        }
        for (int i = 0; i < sync.size(); i++) {
            long[] x = sync.get(i);
            if (x[0] >= fromNanos && x[0] < toNanos) {
                System.out.printf("trace %6d ms want %d/%d router %d/%d stale %d%n", x[0] / MS, x[1], x[2], x[3], x[4],
                        stalenessAt(i) / MS);
            }
        }
    }

    /** The oldest the rates on the router (the download rate only, or both) were within [from, to), in ns. */
    long worstStalenessNanos(long fromNanos, long toNanos, boolean downloadOnly) {
        long worst = 0;
        for (int i = 0; i < sync.size(); i++) {
            long t = sync.get(i)[0];
            if (t >= fromNanos && t < toNanos) {
                worst = Math.max(worst, downloadOnly ? stalenessAt(i, 1, 3) : stalenessAt(i));
            }
        }
        return worst;
    }

    /** Asks for a reload with {@code yaml} as the new config file. */
    void reloadWith(String yaml) {
        try {
            Files.writeString(dir.resolve("spectrum.yaml"), yaml);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        daemon.requestReload();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> doc(HealthServer.Response r) {
        return (Map<String, Object>) r.body();
    }

    String status(long second) {
        HealthServer.Response r = health.get(second);
        return r == null ? "none" : String.valueOf(doc(r).get("status"));
    }

    String reasons(long second) {
        HealthServer.Response r = health.get(second);
        return r == null ? "" : String.valueOf(doc(r).get("reasons"));
    }

    /** The first second in [from, to) whose health status is {@code status}; -1 when none. */
    long firstSecond(long from, long to, String status) {
        for (long s = from; s < to; s++) {
            if (status(s).equals(status)) {
                return s;
            }
        }
        return -1;
    }

    /** Log lines (every level) between two moments. */
    List<Line> linesBetween(long fromNanos, long toNanos) {
        return lines.stream().filter(l -> l.atNanos() >= fromNanos && l.atNanos() < toNanos).toList();
    }

    /** The longest gap between watchdog notifications, in virtual ns. */
    long longestWatchdogGapNanos() {
        long gap = 0;
        for (int i = 1; i < watchdogs.size(); i++) {
            gap = Math.max(gap, watchdogs.get(i) - watchdogs.get(i - 1));
        }
        return gap;
    }

    /** Whether the state file parses as a JSON object. */
    boolean stateFileIsValidJson() {
        try {
            return JsonMapper.builder().build().readTree(dir.resolve("spectrum_state.json").toFile()).isObject();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The common assertions of every row: the loop ran on time, the watchdog was fed, the daemon stopped cleanly. */
    void assertLoopHealthy(long untilNanos) {
        assertThat(exit).isEqualTo(ExitStatus.OK);
        long cycles = daemon.currentCycle().cycles();
        assertThat(cycles).as("cycles of 50 ms in %d s", untilNanos / S).isBetween(untilNanos / (50 * MS) - 2,
                untilNanos / (50 * MS) + 2);
        assertThat(daemon.overruns()).as("overruns").isZero();
        assertThat(longestWatchdogGapNanos()).as("longest watchdog gap").isLessThanOrEqualTo(1_050 * MS);
        assertThat(stateFileIsValidJson()).as("state file valid JSON").isTrue();
    }

    @Override
    public void close() {
        ours.detachAppender(appender);
        router.close();
    }

    /** Per-reflector scripted RTT on the daemon's clock. */
    private static final class Probe implements RttProbe {
        private final Clock clock;
        private final Rtt rtt;
        private final LongConsumer onRead;

        Probe(Clock clock, Rtt rtt, LongConsumer onRead) {
            this.clock = clock;
            this.rtt = rtt;
            this.onRead = onRead;
        }

        @Override
        public ProbeMethod method() {
            return ProbeMethod.ICMP_RAW_SOCKET;
        }

        @Override
        public String methodDetail() {
            return "scripted";
        }

        @Override
        public int reflectorCount() {
            return 3;
        }

        @Override
        public void readLatest(double[] rttMs, long[] receivedAtNanos) {
            long now = clock.nanoTime();
            onRead.accept(now);
            for (int i = 0; i < 3; i++) {
                double r = rtt.at(i, now);
                rttMs[i] = r;
                receivedAtNanos[i] = Double.isNaN(r) ? NO_SAMPLE : now;
            }
        }

        @Override
        public List<ReflectorStatus> reflectorStatus() {
            List<ReflectorStatus> out = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                out.add(new ReflectorStatus("10.0.0." + (i + 1), ReflectorState.OK, 0, 0, null));
            }
            return out;
        }

        @Override
        public void close() {}
    }
}
