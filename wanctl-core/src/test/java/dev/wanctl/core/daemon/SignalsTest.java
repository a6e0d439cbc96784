package dev.wanctl.core.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SignalsTest {

    private static void kill(String signal) throws Exception {
        Process p = new ProcessBuilder("kill", "-" + signal, Long.toString(ProcessHandle.current().pid())).start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
    }

    @Test
    void sighupRunsTheReloadHandler() throws Exception {
        CountDownLatch reloaded = new CountDownLatch(1);
        assertThat(Signals.onHangup(reloaded::countDown)).isTrue();
        kill("HUP");
        assertThat(reloaded.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void sigusr1RunsItsHandler() throws Exception {
        CountDownLatch got = new CountDownLatch(1);
        assertThat(Signals.onUser1(got::countDown)).isTrue();
        kill("USR1");
        assertThat(got.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aSignalTheJvmReservesIsReportedNotThrown() {
        assertThat(Signals.handle("KILL", () -> { }, "nothing")).isFalse();
    }

    @Test
    void terminationRequestsAStopOnceAndWaitsForTheDaemonToFinish() throws Exception {
        AtomicInteger stops = new AtomicInteger();
        GracefulShutdown s = new GracefulShutdown(stops::incrementAndGet, Duration.ofSeconds(2));
        assertThat(s.stopRequested()).isFalse();
        s.onSignal("SIGTERM");
        assertThat(s.stopRequested()).isTrue();
        assertThat(stops).hasValue(1);
        assertThat(s.awaitFinished(Duration.ZERO)).isFalse();
        Thread.ofPlatform().start(s::finished);
        assertThat(s.awaitFinished(Duration.ofSeconds(10))).isTrue();
    }
}
