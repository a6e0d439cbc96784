package dev.wanctl.autorate;

import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.config.ConfigEnvironment;
import dev.wanctl.core.config.ConfigLoader;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.core.runtime.Sleeper;
import dev.wanctl.core.daemon.SystemdNotifier;
import dev.wanctl.routeros.backends.RouterClients;
import dev.wanctl.emulator.testing.ScriptedProbe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real autorate daemons in a process of their own for the SIGKILL/SIGTERM trials: production
 * services (real clock, the writer and state-writer threads) except the probe, whose RTT swings
 * between idle and bloat every 400 ms so rates and the state file change all the time. One
 * config: one daemon with the SIGTERM handler (a SIGTERM trial). Several: one daemon per config,
 * no handlers, so that one SIGKILL cuts several state files at unrelated moments of their writes.
 */
public final class KillTrialDaemon {

    private KillTrialDaemon() {}

    public static void main(String[] args) throws Exception {
        boolean signals = args.length == 1;
        AtomicInteger status = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (String arg : args) {
            Path file = Path.of(arg);
            AutorateConfig config = ConfigLoader.loadAutorate(file,
                    new ConfigLoader.Options(new ConfigEnvironment(Map.of()), true)).config();
            Clock clock = Clock.system();
            AutorateDaemon.Services services = new AutorateDaemon.Services(clock, SystemdNotifier.recording(
                    java.time.Duration.ofSeconds(2), n -> { }), Sleeper.parking(clock), signals,
                    c -> new ScriptedProbe(clock, 3, now -> (now / 400_000_000L) % 2 == 0 ? 24 : 124, now -> { }),
                    RouterClients::create, false);
            AutorateDaemon daemon = new AutorateDaemon(file, new AutorateDaemon.Options(false, false, false), services);
            threads.add(Thread.ofPlatform().name("daemon-" + threads.size()).start(() -> {
                try {
                    status.compareAndSet(0, daemon.run(config));
                } catch (dev.wanctl.core.daemon.DaemonExit e) {
                    System.out.println("exit " + e.status() + ": " + e.getMessage()); // what the CLI prints
                    status.set(e.status());
                } catch (Exception e) {
                    e.printStackTrace();
                    status.set(1);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        System.exit(status.get());
    }
}
