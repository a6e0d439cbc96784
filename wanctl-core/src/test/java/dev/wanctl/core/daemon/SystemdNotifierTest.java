package dev.wanctl.core.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemdNotifierTest {

    @TempDir
    Path dir;

    @Test
    void withoutNotifySocketEverythingIsAQuietNoOp() {
        try (SystemdNotifier n = SystemdNotifier.fromEnvironment(Map.of(), 42)) {
            assertThat(n.enabled()).isFalse();
            assertThat(n.send("READY=1")).isFalse();
            n.ready("x");
            n.watchdogIfDue(0);
            assertThat(n.watchdogInterval()).isEmpty();
        }
    }

    @Test
    void readyStatusWatchdogAndStoppingReachAPathSocket() throws Exception {
        String path = dir.resolve("notify").toString();
        try (UnixDatagramReceiver rx = new UnixDatagramReceiver(path);
                SystemdNotifier n = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", path), 1)) {
            assertThat(n.enabled()).isTrue();
            n.ready("running\non two lines");
            assertThat(rx.receive(2000)).isEqualTo("READY=1\nSTATUS=running on two lines");
            n.watchdog();
            assertThat(rx.receive(2000)).isEqualTo("WATCHDOG=1");
            n.status("degraded: no reflector answers");
            assertThat(rx.receive(2000)).isEqualTo("STATUS=degraded: no reflector answers");
            n.stopping();
            assertThat(rx.receive(2000)).isEqualTo("STOPPING=1");
        }
    }

    @Test
    void reloadingCarriesTheMonotonicClockInMicroseconds() throws Exception {
        String name = "@wanctl-test-" + UUID.randomUUID();
        try (UnixDatagramReceiver rx = new UnixDatagramReceiver(name);
                SystemdNotifier n = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", name), 1)) {
            long before = System.nanoTime() / 1_000L;
            n.reloading();
            String msg = rx.receive(2000);
            long after = System.nanoTime() / 1_000L;
            assertThat(msg).startsWith("RELOADING=1\nMONOTONIC_USEC=");
            long usec = Long.parseLong(msg.substring(msg.indexOf('=', 12) + 1));
            // HotSpot's nanoTime is CLOCK_MONOTONIC on Linux, so both readings bracket it.
            assertThat(usec).isBetween(before, after);
        }
    }

    @Test
    void watchdogIntervalComesFromWatchdogUsecOnlyForThisPid() {
        var env = Map.of("NOTIFY_SOCKET", dir.resolve("n").toString(), "WATCHDOG_USEC", "30000000",
                "WATCHDOG_PID", "77");
        try (SystemdNotifier mine = SystemdNotifier.fromEnvironment(env, 77);
                SystemdNotifier other = SystemdNotifier.fromEnvironment(env, 78)) {
            assertThat(mine.watchdogInterval()).contains(Duration.ofSeconds(30));
            assertThat(other.watchdogInterval()).isEmpty();
        }
    }

    @Test
    void watchdogIfDueSendsAtHalfTheIntervalNotEveryCycle() throws Exception {
        String path = dir.resolve("wd").toString();
        var env = Map.of("NOTIFY_SOCKET", path, "WATCHDOG_USEC", "1000000");
        try (UnixDatagramReceiver rx = new UnixDatagramReceiver(path);
                SystemdNotifier n = SystemdNotifier.fromEnvironment(env, 1)) {
            int sent = 0;
            for (long t = 0; t < 2_000_000_000L; t += 50_000_000L) { // 2 s of 50 ms cycles
                n.watchdogIfDue(t);
            }
            while (rx.receive(200) != null) {
                sent++;
            }
            assertThat(sent).isEqualTo(4); // at 0, 0.5, 1.0, 1.5 s
        }
    }

    @Test
    void aVanishedSocketMakesSendFailWithoutThrowing() throws Exception {
        Path path = dir.resolve("gone");
        try (SystemdNotifier n = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", path.toString()), 1)) {
            assertThat(Files.exists(path)).isFalse();
            assertThat(n.send("WATCHDOG=1")).isFalse();
            assertThat(n.send("WATCHDOG=1")).isFalse();
        }
    }
}
