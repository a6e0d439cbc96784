package dev.wanctl.core.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceLockTest {

    @TempDir
    Path dir;
    private final long self = ProcessHandle.current().pid();

    @Test
    void theLockFileHoldsOurPidAndASecondInstanceIsRefusedNamingIt() throws Exception {
        Path file = InstanceLock.pathFor(dir.resolve("run/wanctl"), "spectrum");
        try (InstanceLock lock = InstanceLock.acquire(file)) {
            assertThat(Files.readString(file).trim()).isEqualTo(Long.toString(self));
            assertThatThrownBy(() -> InstanceLock.acquire(file))
                    .isInstanceOfSatisfying(LockHeldException.class, e -> assertThat(e.pid()).isEqualTo(self))
                    .hasMessageContaining("PID " + self).hasMessageContaining(file.toString());
        }
    }

    @Test
    void closeReleasesTheLockSoTheNextStartSucceeds() throws Exception {
        Path file = dir.resolve("att.lock");
        InstanceLock.acquire(file).close();
        assertThat(Files.readString(file)).isEmpty();
        try (InstanceLock again = InstanceLock.acquire(file)) {
            assertThat(again.file()).isEqualTo(file.toAbsolutePath());
        }
    }

    @Test
    void aFileLeftByADeadProcessIsTakenOver() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor(10, TimeUnit.SECONDS);
        Path file = dir.resolve("spectrum.lock");
        Files.writeString(file, p.pid() + "\n");
        try (InstanceLock lock = InstanceLock.acquire(file)) {
            assertThat(Files.readString(file).trim()).isEqualTo(Long.toString(self));
        }
    }

    @Test
    void aLockHeldByAnotherProcessIsRefusedWithItsPid() throws Exception {
        Path file = dir.resolve("spectrum.lock");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path source = Path.of(getClass().getResource("/HoldLock.java").toURI());
        Process holder = new ProcessBuilder(java.toString(), source.toString(), file.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("locked");
            assertThatThrownBy(() -> InstanceLock.acquire(file))
                    .isInstanceOfSatisfying(LockHeldException.class, e -> assertThat(e.pid()).isEqualTo(holder.pid()));
        } finally {
            holder.getOutputStream().close();
            holder.waitFor(10, TimeUnit.SECONDS);
            holder.destroyForcibly();
        }
        try (InstanceLock lock = InstanceLock.acquire(file)) {
            assertThat(Files.readString(file).trim()).isEqualTo(Long.toString(self));
        }
    }

    @Test
    void aLiveWanctlThatWroteItsPidWithoutLockingIsRespected() throws Exception {
        Process reference = new ProcessBuilder("sh", "-c", "read x", "wanctl-reference").start();
        try {
            Path file = dir.resolve("wan1.lock");
            Files.writeString(file, reference.pid() + "\n");
            assertThatThrownBy(() -> InstanceLock.acquire(file))
                    .isInstanceOfSatisfying(LockHeldException.class, e -> assertThat(e.pid()).isEqualTo(reference.pid()));
        } finally {
            reference.getOutputStream().close();
            reference.waitFor(10, TimeUnit.SECONDS);
            reference.destroyForcibly();
        }
    }

    @Test
    void anUncreatableDirectoryIsAClearError() throws Exception {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "");
        assertThatThrownBy(() -> InstanceLock.acquire(blocker.resolve("x.lock")))
                .hasMessageContaining("lock directory").hasMessageContaining("cannot be created");
    }
}
