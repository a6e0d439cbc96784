package dev.wanctl.emulator.transports;

import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.routeros.RouterClient;
import dev.wanctl.routeros.ssh.SshRouterClient;
import dev.wanctl.emulator.model.Transport;

/** The contract over the SSH console (older v7 layout), logged in with a key. */
class SshContractTest extends RouterClientContract {

    @Override
    RouterClient newClient(EmulatedRouter router, RouterConfig config) {
        return new SshRouterClient(config);
    }

    @Override
    RouterConfig.Transport transport() {
        return RouterConfig.Transport.SSH;
    }

    @Override
    Transport[] carriers() {
        return new Transport[] {Transport.SSH};
    }
}
