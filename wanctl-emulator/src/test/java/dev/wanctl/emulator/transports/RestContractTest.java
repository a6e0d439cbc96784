package dev.wanctl.emulator.transports;

import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.routeros.RouterClient;
import dev.wanctl.routeros.rest.RestRouterClient;
import dev.wanctl.emulator.model.Transport;

/** The contract over REST on HTTPS, the certificate pinned. */
class RestContractTest extends RouterClientContract {

    @Override
    RouterClient newClient(EmulatedRouter router, RouterConfig config) {
        return new RestRouterClient(config);
    }

    @Override
    RouterConfig.Transport transport() {
        return RouterConfig.Transport.REST;
    }

    @Override
    Transport[] carriers() {
        return new Transport[] {Transport.REST};
    }
}
