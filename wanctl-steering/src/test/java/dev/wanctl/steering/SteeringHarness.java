package dev.wanctl.steering;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.wanctl.core.config.ConfigEnvironment;
import dev.wanctl.core.config.ConfigLoader;
import dev.wanctl.core.config.Loaded;
import dev.wanctl.core.config.SteeringConfig;
import dev.wanctl.core.daemon.DaemonExit;
import dev.wanctl.core.daemon.HealthServer;
import dev.wanctl.core.runtime.Sleeper;
import dev.wanctl.core.daemon.SystemdNotifier;
import dev.wanctl.core.runtime.VirtualClock;
import dev.wanctl.routeros.backends.RouterClients;
import dev.wanctl.emulator.RouterEmulator;
import dev.wanctl.emulator.model.RuleSnapshot;
import dev.wanctl.emulator.model.WriteRecord;
import dev.wanctl.emulator.testing.EmulatorRouterYaml;
import dev.wanctl.emulator.testing.ScriptedProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongPredicate;
import java.util.function.LongToDoubleFunction;
import org.slf4j.LoggerFactory;

/**
 * Runs the real {@link SteeringDaemon} on a virtual clock against a {@link RouterEmulator} reached
 * over REST (HTTPS, certificate pinned) or SSH (known_hosts), with a scripted RTT, scripted CAKE
 * traffic on the primary's download queue and an autorate state file rewritten every 5 s as the
 * primary's autorate daemon does. Stats reads and toggles run inline on the cycle's thread, so a
 * run is deterministic; everything the daemon logs is kept with the virtual time it was logged at.
 */
final class SteeringHarness implements AutoCloseable {

    static final String COMMENT = "ADAPTIVE: Steer latency-sensitive to ATT";
    static final String QUEUE = "WAN-Download-Spectrum";
    static final double BASELINE_MS = 24.0;
    private static final long AUTORATE_WRITE_EVERY_NANOS = 5_000_000_000L;

    /** CAKE traffic on the download queue per cycle: drops and the backlog. */
    record Load(long dropsPerCycle, long backlogPackets) {
        static final Load IDLE = new Load(0, 0);
    }

    /** One log line with the virtual time it was logged at. */
    record Line(long atNanos, String level, String message) {
        double atSeconds() {
            return atNanos / 1e9;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%8.3f %s %s", atSeconds(), level, message);
        }
    }

    enum Via { REST, SSH }

    final VirtualClock clock = new VirtualClock();
    final RouterEmulator router;
    final Path dir;
    final Path autorateState;
    final Path stateFile;
    private final Via via;
    private final Path knownHosts;
    private final Map<Long, List<Runnable>> actions = new TreeMap<>();
    private final List<Line> lines = Collections.synchronizedList(new ArrayList<>());
    private final AppenderBase<ILoggingEvent> appender;
    private LongToDoubleFunction rttMs = t -> BASELINE_MS + 0.5;
    private java.util.function.LongFunction<Load> load = t -> Load.IDLE;
    private LongPredicate autorateWrites = t -> true;
    private java.util.function.LongFunction<String> autorateZone = t -> "GREEN";
    private long lastAutorateWrite = Long.MIN_VALUE;
    private String extraYaml = "";
    private String thresholdsYaml = """
            thresholds:
              yellow_rtt_ms: 15
              red_rtt_ms: 15
              min_drops_red: 1
              min_queue_yellow: 10
              min_queue_red: 50
              red_sustain_sec: 2
              green_sustain_sec: 5
              rtt_ewma_time_constant_sec: 0.15
              queue_ewma_time_constant_sec: 0.1
            """;
    private String password;
    private String endpoints = """
            health_check:
              enabled: false
            """;
    private long stopAtNanos;
    private SteeringDaemon daemon;

    SteeringHarness(Path dir, Via via) throws IOException {
        this.dir = dir;
        this.via = via;
        this.router = RouterEmulator.builder().clock(clock).start();
        this.password = router.password();
        this.autorateState = dir.resolve("spectrum_state.json");
        this.stateFile = dir.resolve("steering_state.json");
        this.knownHosts = Files.writeString(dir.resolve("known_hosts"), router.knownHostsLine() + "\n");
        Logger wanctl = (Logger) LoggerFactory.getLogger("dev.wanctl");
        appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent e) {
                lines.add(new Line(clock.nanoTime(), e.getLevel().toString(), e.getFormattedMessage()));
            }
        };
        appender.start();
        wanctl.addAppender(appender);
    }

    static long sec(double s) {
        return Math.round(s * 1e9);
    }

    /** The RTT every reflector answers with, by virtual time (NaN: no answer). */
    SteeringHarness rtt(LongToDoubleFunction f) {
        this.rttMs = f;
        return this;
    }

    /** The CAKE traffic of the download queue, by virtual time. */
    SteeringHarness load(java.util.function.LongFunction<Load> f) {
        this.load = f;
        return this;
    }

    /** Congestion (RTT 40 ms over the baseline, drops and a backlog) while {@code when} holds. */
    SteeringHarness congestedWhile(LongPredicate when) {
        rtt(t -> when.test(t) ? BASELINE_MS + 40 : BASELINE_MS + 0.5);
        return load(t -> when.test(t) ? new Load(5, 120) : Load.IDLE);
    }

    /** Whether the primary's autorate daemon writes its state file at {@code t} (every 5 s while true). */
    SteeringHarness autorateWritesWhile(LongPredicate when) {
        this.autorateWrites = when;
        return this;
    }

    /** The download zone the primary's autorate daemon writes, by virtual time. */
    SteeringHarness autorateZone(java.util.function.LongFunction<String> zone) {
        this.autorateZone = zone;
        return this;
    }

    /** Runs {@code action} on the cycle's thread at the first cycle at or after {@code atNanos}. */
    SteeringHarness at(long atNanos, Runnable action) {
        actions.computeIfAbsent(atNanos, k -> new ArrayList<>()).add(action);
        return this;
    }

    /** Extra top-level sections of the config (mode, confidence, ...). */
    SteeringHarness yaml(String extra) {
        this.extraYaml = extra;
        return this;
    }

    /** Replaces the {@code thresholds:} section (red sustain 2 s, green sustain 5 s by default). */
    SteeringHarness thresholds(String yaml) {
        this.thresholdsYaml = yaml;
        return this;
    }

    /** Serves /health and /metrics on these loopback ports. */
    SteeringHarness endpoints(int healthPort, int metricsPort) {
        this.endpoints = """
                health_check:
                  enabled: true
                  host: 127.0.0.1
                  port: %d
                metrics:
                  enabled: true
                  host: 127.0.0.1
                  port: %d
                """.formatted(healthPort, metricsPort);
        return this;
    }

    SteeringHarness password(String p) {
        this.password = p;
        return this;
    }

    Path config() {
        String routerYaml = switch (via) {
            case REST -> EmulatorRouterYaml.rest(router, password, 3000);
            case SSH -> EmulatorRouterYaml.ssh(router, password, knownHosts, 3000);
        };
        String yaml = """
                wan_name: steering
                topology:
                  primary_wan: spectrum
                  alternate_wan: att
                %smangle_rule:
                  comment: "%s"
                cake_state_sources:
                  primary: %s
                  state_staleness_sec: 5
                cake_queues:
                  primary_download: %s
                  primary_upload: WAN-Upload-Spectrum
                measurement:
                  interval_seconds: 0.05
                  ping_hosts: [1.1.1.1, 9.9.9.9, 208.67.222.222]
                  cake_stats_interval_ms: 250
                state:
                  file: %s
                  history_size: 240
                lock_file: %s
                %s%s%s""".formatted(routerYaml, COMMENT, autorateState, QUEUE, stateFile, dir.resolve("steering.lock"),
                endpoints, thresholdsYaml, extraYaml);
        Path file = dir.resolve("steering.yaml");
        try {
            return Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites the config with another {@code thresholds:} section and asks the daemon to reload (SIGHUP). */
    void reloadWith(String thresholds) {
        thresholds(thresholds);
        config();
        daemon.requestReload();
    }

    SteeringConfig load() {
        Loaded<SteeringConfig> l = ConfigLoader.loadSteering(config(),
                new ConfigLoader.Options(new ConfigEnvironment(Map.of()), true));
        assertThat(l.errors()).as("config errors").isEmpty();
        return l.config();
    }

    /** Runs the daemon from now for {@code length} of virtual time; returns its exit status. */
    int run(Duration length) {
        return run(length, new SteeringDaemon.Options(false, false));
    }

    int run(Duration length, SteeringDaemon.Options options) {
        SteeringConfig config = load();
        stopAtNanos = clock.nanoTime() + length.toNanos();
        tick(clock.nanoTime()); // the autorate file as it is when the daemon starts
        ScriptedProbe probe = new ScriptedProbe(clock, 3, rttMs, this::tick);
        daemon = new SteeringDaemon(config.source(), options, new SteeringDaemon.Services(clock,
                SystemdNotifier.recording(Duration.ofSeconds(30), m -> { }), Sleeper.advancing(clock), false,
                c -> probe, RouterClients::create, true));
        try {
            return daemon.run(config);
        } catch (DaemonExit e) {
            lines.add(new Line(clock.nanoTime(), "EXIT", e.getMessage()));
            return e.status();
        }
    }

    /** Every cycle, on the cycle's thread: scripted actions, traffic, the autorate file, the end. */
    private void tick(long now) {
        var due = new ArrayList<Long>();
        for (long at : actions.keySet()) {
            if (at <= now) {
                due.add(at);
            }
        }
        for (long at : due) {
            actions.remove(at).forEach(Runnable::run);
        }
        Load l = load.apply(now);
        router.state().addTraffic(QUEUE, 1500 * 400, 400, l.dropsPerCycle());
        router.state().setBacklog(QUEUE, 1500 * l.backlogPackets(), l.backlogPackets());
        if (autorateWrites.test(now)
                && (lastAutorateWrite == Long.MIN_VALUE || now - lastAutorateWrite >= AUTORATE_WRITE_EVERY_NANOS)) {
            lastAutorateWrite = now;
            writeAutorateState(BASELINE_MS, autorateZone.apply(now));
        }
        if (daemon != null && now >= stopAtNanos) {
            daemon.stop();
        }
    }

    /** The primary's autorate state file as autorate writes it, modified now on the virtual clock. */
    void writeAutorateState(double baselineMs, String dlZone) {
        try {
            Files.writeString(autorateState, """
                    {"download": {"green_streak": 0, "soft_red_streak": 0, "red_streak": 0, "current_rate": 940000000},
                     "upload": {"green_streak": 0, "soft_red_streak": 0, "red_streak": 0, "current_rate": 38000000},
                     "ewma": {"baseline_rtt": %s, "load_rtt": %s},
                     "last_applied": {"dl_rate": 940000000, "ul_rate": 38000000},
                     "timestamp": "2026-01-01T00:00:00", "congestion": {"dl_state": "%s", "ul_state": "GREEN"}}
                    """.formatted(baselineMs, baselineMs + 1, dlZone));
            Files.setLastModifiedTime(autorateState, FileTime.fromMillis(clock.wallMillis()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The daemon's /health document as its last cycle left it. */
    HealthServer.Response health() {
        return daemon.health();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> health(String section) {
        return (Map<String, Object>) ((Map<String, Object>) daemon.health().body()).get(section);
    }

    Object healthField(String field) {
        return ((Map<?, ?>) daemon.health().body()).get(field);
    }

    boolean ruleEnabled() {
        RuleSnapshot r = router.state().rule(COMMENT).orElseThrow();
        return !r.disabled();
    }

    /** Every write of the rule's {@code disabled}, with its virtual time. */
    List<WriteRecord> toggles() {
        return router.state().ruleToggles(COMMENT);
    }

    List<Line> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    List<Line> linesContaining(String text) {
        return lines().stream().filter(l -> l.message().contains(text)).toList();
    }

    /** The log, for assertion messages. */
    String log() {
        StringBuilder sb = new StringBuilder();
        for (Line l : lines()) {
            if (!l.message().startsWith("[SPECTRUM_")) {
                sb.append(l).append('\n');
            }
        }
        return sb.toString();
    }

    String stateFileText() {
        try {
            return Files.readString(stateFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        ((Logger) LoggerFactory.getLogger("dev.wanctl")).detachAppender(appender);
        router.close();
    }
}
