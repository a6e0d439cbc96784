package dev.wanctl.sim.demo;

import dev.wanctl.autorate.AutorateDaemon;
import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.core.config.Secret;
import dev.wanctl.core.config.SteeringConfig;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.core.runtime.Sleeper;
import dev.wanctl.core.daemon.SystemdNotifier;
import dev.wanctl.routeros.backends.RouterClients;
import dev.wanctl.emulator.RouterEmulator;
import dev.wanctl.sim.scenario.DaemonFiles;
import dev.wanctl.sim.scenario.ReflectorProbe;
import dev.wanctl.steering.SteeringDaemon;
import java.nio.file.Path;

/**
 * The two real daemons of the demo, configured from the shipped configs but pointed at the
 * emulated router (REST over HTTPS, its certificate pinned), at the demo's simulated reflectors,
 * and at a temporary directory for state and locks. Endpoints are off: nothing listens. Public
 * for the namespace testbed, which runs the same daemon against real TCP.
 */
public final class DemoDaemons {

    private DemoDaemons() {}

    static RouterConfig router(RouterEmulator emulator) {
        return new RouterConfig(RouterConfig.Transport.REST, RouterEmulator.HOST, emulator.user(),
                Secret.of(emulator.password()), null, emulator.restTlsPort(), RouterConfig.Scheme.HTTPS, 22, true, null,
                emulator.certificateSha256(), null, null, null);
    }

    public static AutorateConfig autorate(AutorateConfig c, RouterConfig router, Path dir) {
        return DaemonFiles.autorate(c, router, dir);
    }

    static SteeringConfig steering(SteeringConfig c, RouterConfig router, Path primaryState, Path dir) {
        return DaemonFiles.steering(c, router, primaryState, dir);
    }

    static AutorateDaemon.Services autorateServices(Clock clock, ReflectorProbe probe) {
        return new AutorateDaemon.Services(clock, SystemdNotifier.fromEnvironment(), Sleeper.parking(clock), false,
                c -> probe, RouterClients::create, false);
    }

    static SteeringDaemon.Services steeringServices(Clock clock, ReflectorProbe probe) {
        return new SteeringDaemon.Services(clock, SystemdNotifier.fromEnvironment(), Sleeper.parking(clock), false,
                c -> probe, RouterClients::create, false);
    }
}
