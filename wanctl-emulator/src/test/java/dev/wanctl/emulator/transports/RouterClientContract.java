package dev.wanctl.emulator.transports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.core.config.Secret;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.routeros.QueueInfo;
import dev.wanctl.routeros.QueueStats;
import dev.wanctl.routeros.RouterCheck;
import dev.wanctl.routeros.RouterCheckResult;
import dev.wanctl.routeros.RouterClient;
import dev.wanctl.routeros.RouterException;
import dev.wanctl.routeros.RouterException.Kind;
import dev.wanctl.emulator.cli.CliLayout;
import dev.wanctl.emulator.model.Transport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link RouterClient} must do, run unchanged against each transport and the RouterOS
 * emulator: the daemons rely on exactly this behaviour whichever transport is configured.
 */
abstract class RouterClientContract {

    static final String DOWNLOAD = "WAN-Download-Spectrum";
    static final String RULE = "ADAPTIVE: Steer latency-sensitive to ATT";

    @TempDir
    java.nio.file.Path dir;

    EmulatedRouter emulated;
    RouterClient client;

    /** The client under test for {@code router}. */
    abstract RouterClient newClient(EmulatedRouter router, RouterConfig config);

    /** The {@code router.transport} the client is configured with. */
    abstract RouterConfig.Transport transport();

    /** The emulator transports that carry this client's calls (faults are injected there). */
    abstract Transport[] carriers();

    CliLayout cliLayout() {
        return CliLayout.OLD;
    }

    /** The longest a failing call on an open connection may take with these time-outs. */
    Duration callBound(RouterConfig config) {
        return config.requestTimeout();
    }

    @BeforeEach
    void startRouter() throws Exception {
        emulated = new EmulatedRouter(dir, cliLayout());
        client = newClient(emulated, emulated.config(transport()));
    }

    @AfterEach
    void stopRouter() {
        if (client != null) {
            client.close();
        }
        emulated.close();
    }

    @Test
    void setsMaxLimitAndReadsItBack() throws Exception {
        client.setMaxLimit(DOWNLOAD, 812_500_000L);

        assertThat(emulated.router.state().maxLimitBps(DOWNLOAD)).isEqualTo(812_500_000L);
        QueueInfo q = client.readQueue(DOWNLOAD);
        assertThat(q.name()).isEqualTo(DOWNLOAD);
        assertThat(q.maxLimitBps()).isEqualTo(812_500_000L);
        assertThat(q.queueType()).isEqualTo("cake-down-spectrum");
        assertThat(q.disabled()).isFalse();
    }

    @Test
    void countersMoveByExactlyTheTrafficThatPassed() throws Exception {
        QueueStats before = client.readQueueStats(DOWNLOAD);
        emulated.router.state().addTraffic(DOWNLOAD, 1_500_000L, 1_000L, 7L);
        emulated.router.state().setBacklog(DOWNLOAD, 30_000L, 20L);

        QueueStats after = client.readQueueStats(DOWNLOAD);

        assertThat(after.bytes() - before.bytes()).isEqualTo(1_500_000L);
        assertThat(after.packets() - before.packets()).isEqualTo(1_000L);
        assertThat(after.dropped() - before.dropped()).isEqualTo(7L);
        assertThat(after.queuedBytes()).isEqualTo(30_000L);
        assertThat(after.queuedPackets()).isEqualTo(20L);
    }

    @Test
    void togglesTheSteeringRule() throws Exception {
        assertThat(client.ruleEnabled(RULE)).isFalse();

        client.setRuleEnabled(RULE, true);
        assertThat(client.ruleEnabled(RULE)).isTrue();
        assertThat(emulated.router.state().rule(RULE).orElseThrow().disabled()).isFalse();

        client.setRuleEnabled(RULE, false);
        assertThat(client.ruleEnabled(RULE)).isFalse();
        assertThat(emulated.router.state().rule(RULE).orElseThrow().disabled()).isTrue();
    }

    @Test
    void readsVersionBoardAndCpuLoad() throws Exception {
        emulated.router.state().setCpuLoad(37);

        var system = client.readSystem();

        assertThat(system.version()).isEqualTo("7.16.2 (stable)");
        assertThat(system.boardName()).isEqualTo("RB5009UG+S+");
        assertThat(system.cpuLoadPercent()).isEqualTo(37);
    }

    @Test
    void keepsWorkingAfterTheRouterRenumberedItsIds() throws Exception {
        client.setMaxLimit(DOWNLOAD, 700_000_000L);
        client.setRuleEnabled(RULE, true);
        emulated.router.faults().renumberIds();

        client.setMaxLimit(DOWNLOAD, 600_000_000L);
        client.setRuleEnabled(RULE, false);

        assertThat(emulated.router.state().maxLimitBps(DOWNLOAD)).isEqualTo(600_000_000L);
        assertThat(emulated.router.state().rule(RULE).orElseThrow().disabled()).isTrue();
        assertThat(client.readQueue(DOWNLOAD).maxLimitBps()).isEqualTo(600_000_000L);
    }

    @Test
    void aDeletedQueueIsNotFoundAndNamed() throws Exception {
        client.setMaxLimit(DOWNLOAD, 700_000_000L);
        emulated.router.faults().deleteQueue(DOWNLOAD);

        assertKind(() -> client.setMaxLimit(DOWNLOAD, 600_000_000L), Kind.NOT_FOUND).hasMessageContaining(DOWNLOAD);
        assertKind(() -> client.readQueueStats(DOWNLOAD), Kind.NOT_FOUND).hasMessageContaining(DOWNLOAD);
    }

    @Test
    void aMissingRuleIsNotFoundAndNamed() throws Exception {
        emulated.router.faults().deleteRule(RULE);

        assertKind(() -> client.setRuleEnabled(RULE, true), Kind.NOT_FOUND).hasMessageContaining(RULE);
        assertKind(() -> client.ruleEnabled(RULE), Kind.NOT_FOUND).hasMessageContaining(RULE);
        assertThat(emulated.router.state().writes()).isEmpty();
    }

    @Test
    void aWrongPasswordIsAnAuthenticationError() {
        RouterConfig wrong = emulated.config(transport(), Secret.of("not-the-password"), null,
                emulated.router.certificateSha256(), emulated.knownHosts);
        try (RouterClient c = newClient(emulated, wrong)) {
            assertKind(c::readSystem, Kind.AUTHENTICATION)
                    .hasMessageContaining(emulated.router.user())
                    .hasMessageNotContaining("not-the-password");
        }
    }

    @Test
    void revokedCredentialsAreAnAuthenticationErrorOnAnOpenSession() throws Exception {
        client.readSystem();
        emulated.router.faults().on(carriers()[0], carriers()).rejectCredentials();

        assertKind(client::readSystem, Kind.AUTHENTICATION);
    }

    @Test
    void aRouterThatStopsAnsweringTimesOutWithinTheBoundAndLeavesNoThreadBehind() throws Exception {
        RouterConfig quick = emulated.config(transport(), Duration.ofMillis(1000), Duration.ofMillis(400));
        try (RouterClient c = newClient(emulated, quick)) {
            awaitSuccess(c::readSystem); // the session is open and warm
            emulated.router.faults().on(carriers()[0], carriers()).timeoutsUntilCleared();

            long start = System.nanoTime();
            assertKind(() -> c.setMaxLimit(DOWNLOAD, 500_000_000L), Kind.TIMEOUT);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            // the slack is for a busy machine's scheduling (a hang would take the 30 s default or forever)
            assertThat(took).isGreaterThanOrEqualTo(quick.requestTimeout().minusMillis(50))
                    .isLessThan(callBound(quick).plusMillis(1000));
            assertThat(ClientThreads.busyInClients()).as("threads still waiting in a call")
                    .noneMatch(t -> t.contains("dev.wanctl.routeros"));
        }
        emulated.router.faults().everywhere().clear();
        client.close();
        client = null;
        assertThat(ClientThreads.awaitNoneBusy(Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void recoversFromARouterRestartWithoutANewClient() throws Exception {
        client.setMaxLimit(DOWNLOAD, 700_000_000L);
        emulated.router.faults().reboot(Duration.ofMinutes(5), true);

        assertThatThrownBy(() -> client.setMaxLimit(DOWNLOAD, 600_000_000L)).isInstanceOf(RouterException.class)
                .satisfies(e -> assertThat(((RouterException) e).kind().isTransient()).isTrue());

        finishReboot();
        awaitSuccess(() -> {
            client.setMaxLimit(DOWNLOAD, 600_000_000L);
            return null;
        });
        assertThat(emulated.router.state().maxLimitBps(DOWNLOAD)).isEqualTo(600_000_000L);
        assertThat(client.readQueueStats(DOWNLOAD).bytes()).isZero();
    }

    @Test
    void routerCheckFindsEverythingNamedAndTimesCalls() {
        RouterCheck check = new RouterCheck(c -> newClient(emulated, c), Clock.system());

        RouterCheckResult r = check.run(emulated.config(transport()), List.of(DOWNLOAD, "WAN-Upload-Spectrum"),
                RULE, 10);

        assertThat(r.problems()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.latency().calls()).isEqualTo(10);
        assertThat(r.toText()).contains("max-limit 940.0 Mbit/s").contains("\"" + RULE + "\": disabled");
    }

    @Test
    void routerCheckNamesWhatIsMissing() {
        RouterCheck check = new RouterCheck(c -> newClient(emulated, c), Clock.system());

        RouterCheckResult r = check.run(emulated.config(transport()), List.of("WAN-Nope"), "NO-SUCH-RULE", 3);

        assertThat(r.exitCode()).isEqualTo(RouterCheckResult.FAILED);
        assertThat(r.problems()).hasSize(2).anySatisfy(p -> assertThat(p).contains("WAN-Nope"))
                .anySatisfy(p -> assertThat(p).contains("NO-SUCH-RULE"));
    }

    private void finishReboot() {
        bringUp(() -> {
            emulated.router.faults().finishReboot();
            emulated.router.faults().everywhere().up();
        });
    }

    /**
     * Starts emulator listeners again. The emulator listens on the same ephemeral ports as before,
     * which another local connection may hold for a moment on a busy machine; retried for 10 s.
     */
    static void bringUp(Runnable start) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                start.run();
                return;
            } catch (java.io.UncheckedIOException portTaken) {
                if (System.nanoTime() > end) {
                    throw portTaken;
                }
                LockSupport.parkNanos(50_000_000L);
            }
        }
    }

    static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertKind(
            ThrowingCallable call, Kind kind) {
        return assertThatThrownBy(call)
                .isInstanceOf(RouterException.class)
                .satisfies(e -> assertThat(((RouterException) e).kind()).as(e.getMessage()).isEqualTo(kind));
    }

    /** Retries {@code call} until it succeeds, failing after 10 s with the last error. */
    static <T> T awaitSuccess(Callable<T> call) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                return call.call();
            } catch (RouterException e) {
                if (System.nanoTime() > end) {
                    throw e;
                }
                LockSupport.parkNanos(20_000_000L);
            }
        }
    }
}
