package dev.wanctl.autorate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.config.ConfigEnvironment;
import dev.wanctl.core.config.ConfigLoader;
import dev.wanctl.core.config.Loaded;
import dev.wanctl.core.daemon.DaemonExit;
import dev.wanctl.emulator.RouterEmulator;
import dev.wanctl.emulator.testing.EmulatorRouterYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a real {@link AutorateDaemon} on a thread against a {@link RouterEmulator} reached over
 * REST with its HTTPS certificate pinned, with a config shaped like configs/spectrum.yaml.
 */
final class DaemonHarness {

    private DaemonHarness() {}

    /** A spectrum-like config pointing at the emulator, state and lock in {@code dir}. */
    static Path config(Path dir, RouterEmulator router, int intervalMs, int timeoutMs) throws IOException {
        return config(dir, EmulatorRouterYaml.rest(router, router.password(), timeoutMs), "", intervalMs);
    }

    /**
     * The same config with this {@code router:} section and these extra lines of
     * {@code continuous_monitoring} (e.g. {@code "  law: adaptive\n"}).
     */
    static Path config(Path dir, String routerYaml, String monitoringLines, int intervalMs) throws IOException {
        String yaml = "wan_name: spectrum\n" + routerYaml + """
                queues:
                  download: WAN-Download-Spectrum
                  upload: WAN-Upload-Spectrum
                continuous_monitoring:
                  enabled: true
                %s  interval_ms: %d
                  baseline_rtt_initial: 24
                  download:
                    floor_green_mbps: 550
                    floor_yellow_mbps: 350
                    floor_soft_red_mbps: 275
                    floor_red_mbps: 200
                    ceiling_mbps: 940
                    step_up_mbps: 10
                    factor_down: 0.85
                  upload:
                    floor_mbps: 8
                    ceiling_mbps: 38
                    step_up_mbps: 1
                    factor_down: 0.90
                  thresholds:
                    target_bloat_ms: 15
                    warn_bloat_ms: 45
                    hard_red_bloat_ms: 80
                    baseline_time_constant_sec: 50
                    load_time_constant_sec: 0.1
                  ping_hosts: [1.1.1.1, 9.9.9.9, 208.67.222.222]
                  use_median_of_three: true
                state_file: %s
                lock_file: %s
                health_check:
                  enabled: false
                """.formatted(monitoringLines, intervalMs, dir.resolve("spectrum_state.json"),
                        dir.resolve("spectrum.lock"));
        Path file = dir.resolve("spectrum.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    static AutorateConfig load(Path file) {
        Loaded<AutorateConfig> l = ConfigLoader.loadAutorate(file, new ConfigLoader.Options(new ConfigEnvironment(Map.of()), true));
        assertThat(l.errors()).isEmpty();
        return l.config();
    }

    /** A daemon running on its own thread; {@link #await} returns its exit status. */
    static final class Running {
        final AutorateDaemon daemon;
        private final Thread thread;
        private final AtomicInteger status = new AtomicInteger(-1);
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Running(AutorateDaemon daemon, AutorateConfig config) {
            this.daemon = daemon;
            this.thread = Thread.ofPlatform().name("daemon-under-test").start(() -> {
                try {
                    status.set(daemon.run(config));
                } catch (DaemonExit e) {
                    status.set(e.status());
                    failure.set(e);
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
        }

        int await(Duration max) throws InterruptedException {
            thread.join(max.toMillis());
            assertThat(thread.isAlive()).as("the daemon stopped within %s", max).isFalse();
            if (failure.get() != null && !(failure.get() instanceof DaemonExit)) {
                throw new AssertionError("the daemon failed", failure.get());
            }
            return status.get();
        }

        Throwable failure() {
            return failure.get();
        }
    }
}
