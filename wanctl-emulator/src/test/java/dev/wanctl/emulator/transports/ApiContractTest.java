package dev.wanctl.emulator.transports;

import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.emulator.model.Transport;
import dev.wanctl.routeros.RouterClient;
import dev.wanctl.routeros.backends.RouterClients;

/** The contract over the RouterOS API on TLS (api-ssl), the certificate pinned. */
class ApiContractTest extends RouterClientContract {

    @Override
    RouterClient newClient(EmulatedRouter router, RouterConfig config) {
        return RouterClients.create(config);
    }

    @Override
    RouterConfig.Transport transport() {
        return RouterConfig.Transport.API;
    }

    @Override
    Transport[] carriers() {
        return new Transport[] {Transport.API};
    }
}
