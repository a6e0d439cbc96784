package dev.wanctl.autorate;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.daemon.ExitStatus;
import dev.wanctl.core.daemon.SystemdNotifier;
import dev.wanctl.core.runtime.Sleeper;
import dev.wanctl.core.runtime.VirtualClock;
import dev.wanctl.emulator.RouterEmulator;
import dev.wanctl.emulator.testing.ScriptedProbe;
import dev.wanctl.routeros.backends.RouterClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * What the state-file tests share: the autorate daemon on a virtual clock against the emulator
 * (pinned HTTPS, no SSH), its state file in a temporary directory, everything it logs kept.
 */
abstract class StateFileHarness {

    static final long S = 1_000_000_000L;

    @TempDir
    Path dir;

    final VirtualClock clock = new VirtualClock();
    RouterEmulator router;
    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger ours = (Logger) LoggerFactory.getLogger("dev.wanctl");
    /** The daemon of the run in progress (for a per-cycle check). */
    volatile AutorateDaemon current;

    @BeforeEach
    void startHarness() {
        router = RouterEmulator.builder().clock(clock).sshPort(-1).start();
        log.start();
        ours.addAppender(log);
    }

    @AfterEach
    void stopHarness() {
        ours.detachAppender(log);
        router.close();
    }

    /** The state file of {@link DaemonHarness#config}'s WAN. */
    Path state() {
        return dir.resolve("spectrum_state.json");
    }

    /** What the daemon logged at WARN. */
    List<String> warnings() {
        return log.list.stream().filter(e -> e.getLevel().toString().equals("WARN"))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    /**
     * Runs the daemon on {@code file} for {@code seconds} of virtual time, every reflector answering
     * {@code rtt} (by ns since the start); {@code each} sees every cycle. Returns it stopped, exit 0.
     */
    AutorateDaemon run(Path file, boolean dryRun, long seconds, LongToDoubleFunction rtt, LongConsumer each)
            throws Exception {
        AutorateConfig config = DaemonHarness.load(file);
        AutorateDaemon[] d = new AutorateDaemon[1];
        long startAt = clock.nanoTime();
        AutorateDaemon.Services services = new AutorateDaemon.Services(clock,
                SystemdNotifier.recording(Duration.ofSeconds(2), n -> { }), Sleeper.advancing(clock), false,
                c -> new ScriptedProbe(clock, 3, now -> rtt.applyAsDouble(now - startAt), now -> {
                    each.accept(now - startAt);
                    if (now - startAt >= seconds * S) {
                        d[0].stop();
                    }
                }), RouterClients::create, true);
        d[0] = new AutorateDaemon(file, new AutorateDaemon.Options(dryRun, false, false), services);
        current = d[0];
        assertThat(new DaemonHarness.Running(d[0], config).await(Duration.ofSeconds(60))).isEqualTo(ExitStatus.OK);
        return d[0];
    }
}
