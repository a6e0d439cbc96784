package dev.wanctl.autorate;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.daemon.ExitStatus;
import dev.wanctl.core.daemon.HealthServer;
import dev.wanctl.core.runtime.Sleeper;
import dev.wanctl.core.daemon.SystemdNotifier;
import dev.wanctl.core.runtime.VirtualClock;
import dev.wanctl.routeros.backends.RouterClients;
import dev.wanctl.emulator.RouterEmulator;
import dev.wanctl.emulator.model.Transport;
import dev.wanctl.emulator.model.WriteRecord;
import dev.wanctl.emulator.testing.ScriptedProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * What /health, the log and the router see when the router fails while the autorate daemon runs
 * (virtual clock, real REST over pinned HTTPS to the emulator): the truth within seconds, one log
 * line per change of cause, backoff instead of a retry per cycle, and a max-limit changed by
 * someone else put back.
 */
class RouterHealthEndToEndTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;
    private static final long M = 1_000_000L;
    private static final String DL = "WAN-Download-Spectrum";
    private static final String UL = "WAN-Upload-Spectrum";

    @TempDir
    Path dir;

    private final VirtualClock clock = new VirtualClock();
    private RouterEmulator router;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger writerLog = (Logger) LoggerFactory.getLogger("dev.wanctl.autorate");

    @BeforeEach
    void start() {
        router = RouterEmulator.builder().clock(clock).sshPort(-1).start();
        log.start();
        writerLog.addAppender(log);
    }

    @AfterEach
    void stop() {
        writerLog.detachAppender(log);
        router.close();
    }

    /** Health answers sampled once a second of virtual time, by second. */
    private final Map<Long, HealthServer.Response> health = new TreeMap<>();

    private AutorateDaemon run(long untilNanos, LongToDoubleFunction rttMs, LongConsumer script) throws Exception {
        Path file = DaemonHarness.config(dir, router, 50, 1500);
        AutorateConfig config = DaemonHarness.load(file);
        AutorateDaemon[] d = new AutorateDaemon[1];
        LongConsumer onRead = now -> {
            script.accept(now);
            if (now % S < 50 * MS && d[0].currentCycle() != null) {
                health.put(now / S, d[0].health());
            }
            if (now >= untilNanos) {
                d[0].stop();
            }
        };
        AutorateDaemon.Services services = new AutorateDaemon.Services(clock,
                SystemdNotifier.recording(Duration.ofSeconds(2), n -> { }), Sleeper.advancing(clock), false,
                c -> new ScriptedProbe(clock, 3, rttMs, onRead), RouterClients::create, true);
        d[0] = new AutorateDaemon(file, new AutorateDaemon.Options(false, false, false), services);
        DaemonHarness.Running running = new DaemonHarness.Running(d[0], config);
        assertThat(running.await(Duration.ofSeconds(120))).isEqualTo(ExitStatus.OK);
        return d[0];
    }

    private static LongConsumer at(long atNanos, Runnable action) {
        boolean[] done = new boolean[1];
        return now -> {
            if (!done[0] && now >= atNanos) {
                done[0] = true;
                action.run();
            }
        };
    }

    private static LongConsumer all(LongConsumer... steps) {
        return now -> {
            for (LongConsumer s : steps) {
                s.accept(now);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> doc(HealthServer.Response r) {
        return (Map<String, Object>) r.body();
    }

    private static String status(HealthServer.Response r) {
        return String.valueOf(doc(r).get("status"));
    }

    @SuppressWarnings("unchecked")
    private static String reasons(HealthServer.Response r) {
        return String.valueOf(doc(r).get("reasons"));
    }

    private long firstSecond(long from, String status) {
        return health.entrySet().stream().filter(e -> e.getKey() >= from && status(e.getValue()).equals(status))
                .mapToLong(Map.Entry::getKey).findFirst().orElse(-1);
    }

    private List<String> lines(String contains) {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains(contains)).toList();
    }

    @Test
    void anIdleDaemonReportsADeadRouterWithItsCauseWithin30SecondsAndSaysSoOnce() throws Exception {
        run(90 * S, now -> 24, all(
                at(10 * S, () -> router.faults().on(Transport.REST).down()),
                at(70 * S, () -> router.faults().on(Transport.REST).up())));

        assertThat(status(health.get(9L))).isEqualTo("healthy");
        long degradedAt = firstSecond(10, "degraded");
        assertThat(degradedAt).as("degraded within 30 s of the router going down").isBetween(10L, 40L);
        assertThat(reasons(health.get(degradedAt))).contains("unreachable");
        assertThat(health.entrySet().stream().filter(e -> e.getKey() >= degradedAt && e.getKey() < 70)
                .map(e -> status(e.getValue()))).containsOnly("degraded");
        assertThat(lines("router unreachable")).as("one line for the cause, not one per retry").hasSize(1);
        assertThat(lines("router answers again")).hasSize(1);
        long healthyAgain = firstSecond(70, "healthy");
        assertThat(healthyAgain).as("healthy again within 12 s of the router's return").isBetween(70L, 82L);
    }

    @Test
    void anIdleDaemonReadsTheRouterAtMostOnceEveryTenSeconds() throws Exception {
        AutorateDaemon d = run(120 * S, now -> 24, now -> { });
        RateWriter.Snapshot w = d.currentCycle().writer().snapshot();
        assertThat(w.writes()).isZero();
        assertThat(w.checks()).as("idle checks in 120 s").isBetween(10L, 12L);
        assertThat(status(health.get(119L))).isEqualTo("healthy");
    }

    @Test
    void refusedCredentialsMidRunAreReportedAsSuchAtOnceAndTriedOnlyEverySeconds() throws Exception {
        // loaded: bloat all along, so the daemon wants to write every cycle
        AutorateDaemon d = run(80 * S, now -> now < 70 * S ? 124 : 24, all(
                at(5 * S, () -> router.faults().on(Transport.REST).rejectCredentials()),
                at(65 * S, () -> router.faults().on(Transport.REST).clear())));
        assertThat(status(health.get(4L))).isEqualTo("healthy");
        long degradedAt = firstSecond(5, "degraded");
        assertThat(degradedAt).as("degraded within 3 s of the first refused call").isBetween(5L, 8L);
        assertThat(reasons(health.get(degradedAt))).contains("authentication failed");
        assertThat(lines("rejected the credentials")).as("logged once").hasSize(1);
        RateWriter.Snapshot w = d.currentCycle().writer().snapshot();
        // 60 s of refused logins: backoff 5, 10, 20, 40, 60 s (half of it jitter) allows at most 7
        assertThat(w.failures()).as("login attempts in 60 s of refused credentials").isBetween(2L, 7L);
        assertThat(status(health.get(79L))).isEqualTo("healthy");
    }

    @Test
    void aDeadRouterIsRetriedWithBackoffAndGetsTheNewestRateWithinTwoSecondsOfItsReturn() throws Exception {
        long[] callsAt = new long[2];
        // bloat from 5 s to 15 s: the rates fall, then climb while the router is down (10 s to 40 s)
        AutorateDaemon d = run(50 * S, now -> now >= 5 * S && now < 15 * S ? 124 : 24, all(
                at(10 * S, () -> router.faults().on(Transport.REST).down()),
                at(20 * S, () -> callsAt[0] = failuresSoFar()),
                at(40 * S, () -> {
                    callsAt[1] = failuresSoFar();
                    router.faults().on(Transport.REST).up();
                })));
        double perSecond = (callsAt[1] - callsAt[0]) / 20.0;
        assertThat(perSecond).as("connects per second to a dead router (was 20)").isBetween(0.5, 2.5);
        List<WriteRecord> dl = router.state().maxLimitWrites(DL);
        WriteRecord first = dl.stream().filter(x -> x.atNanos() >= 40 * S).findFirst().orElseThrow();
        assertThat(first.atNanos() - 40 * S).as("newest rate on the router after its return").isLessThanOrEqualTo(2 * S);
        assertThat(router.state().maxLimitBps(DL)).isEqualTo(d.currentCycle().decision().downloadRateBps());
        assertThat(lines("router unreachable")).hasSize(1);
    }

    private long failuresSoFar() {
        HealthServer.Response r = health.values().stream().reduce((a, b) -> b).orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> rt = (Map<String, Object>) doc(r).get("router");
        return ((Number) rt.get("failures")).longValue();
    }

    @Test
    void aMaxLimitChangedBySomeoneElseIsPutBackWithinSecondsAndLoggedOnce() throws Exception {
        // bloat throughout: the download sits at its 200 M floor
        AutorateDaemon d = run(60 * S, now -> 124, all(
                at(20 * S, () -> router.faults().changeMaxLimit(DL, 940 * M)),
                at(40 * S, () -> router.faults().changeMaxLimit(DL, 940 * M))));
        List<WriteRecord> after = router.state().maxLimitWrites(DL).stream().filter(w -> w.atNanos() >= 20 * S).toList();
        assertThat(after).isNotEmpty();
        assertThat(after.getFirst().atNanos() - 20 * S).as("put back within").isLessThanOrEqualTo(6 * S);
        assertThat(after.getFirst().newBps()).isEqualTo(200 * M);
        assertThat(router.state().maxLimitBps(DL)).isEqualTo(200 * M);
        assertThat(lines("changed by someone else")).as("one line per episode").hasSize(2);
        assertThat(d.currentCycle().writer().snapshot().corrections()).isEqualTo(2);
    }

    @Test
    void queuesThatSwapNamesNeverGetTheOtherDirectionsRate() throws Exception {
        run(40 * S, now -> now >= 5 * S && now < 25 * S ? 124 : 24,
                at(10 * S, () -> router.faults().swapQueueNames(DL, UL)));
        // after the swap the item named UL is the old download queue: it must only ever get upload rates
        assertThat(router.state().maxLimitWrites(UL).stream().filter(w -> w.atNanos() >= 10 * S))
                .allMatch(w -> w.newBps() <= 38 * M, "an upload rate");
        assertThat(router.state().maxLimitWrites(DL).stream().filter(w -> w.atNanos() >= 10 * S))
                .allMatch(w -> w.newBps() >= 200 * M, "a download rate");
        assertThat(router.state().maxLimitBps(UL)).isEqualTo(38 * M);
        assertThat(router.state().maxLimitBps(DL)).isEqualTo(940 * M);
    }

    @Test
    void aStateFileThatCannotBeWrittenMakesHealthDegradedWithTheCause() throws Exception {
        Path state = dir.resolve("spectrum_state.json");
        run(40 * S, now -> now >= 5 * S && now < 25 * S ? 124 : 24, at(3 * S, () -> {
            try {
                Files.deleteIfExists(state);
                Files.createDirectories(state.resolve("blocker"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
        long degradedAt = firstSecond(3, "degraded");
        assertThat(degradedAt).as("degraded once a state write failed").isBetween(3L, 15L);
        assertThat(reasons(health.get(degradedAt))).contains("state file").contains("cannot write");
    }
}
