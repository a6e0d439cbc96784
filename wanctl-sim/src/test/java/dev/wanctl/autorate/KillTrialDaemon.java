package dev.wanctl.autorate;

import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.config.ConfigEnvironment;
import dev.wanctl.core.config.ConfigLoader;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.core.runtime.Sleeper;
import dev.wanctl.core.runtime.SystemdNotifier;
import dev.wanctl.routeros.RouterClients;
import dev.wanctl.sim.testing.ScriptedProbe;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real autorate daemon in its own process for the SIGKILL/SIGTERM trials: production services
 * (real clock, signal handlers, the writer and state-writer threads) except the probe, whose RTT
 * swings between idle and bloat every 400 ms so rates and the state file change all the time.
 */
public final class KillTrialDaemon {

    private KillTrialDaemon() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        AutorateConfig config = ConfigLoader.loadAutorate(file,
                new ConfigLoader.Options(new ConfigEnvironment(Map.of()), true)).config();
        Clock clock = Clock.system();
        AutorateDaemon.Services services = new AutorateDaemon.Services(clock, SystemdNotifier.recording(
                java.time.Duration.ofSeconds(2), n -> { }), Sleeper.parking(clock), true,
                c -> new ScriptedProbe(clock, 3, now -> (now / 400_000_000L) % 2 == 0 ? 24 : 124, now -> { }),
                RouterClients::create, false);
        int status = new AutorateDaemon(file, new AutorateDaemon.Options(false, false, false), services).run(config);
        System.exit(status);
    }
}
