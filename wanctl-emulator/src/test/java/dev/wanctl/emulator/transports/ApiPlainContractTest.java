package dev.wanctl.emulator.transports;

import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.emulator.model.Transport;
import dev.wanctl.routeros.RouterClient;
import dev.wanctl.routeros.api.ApiRouterClient;
import dev.wanctl.routeros.api.ApiSettings;

/** The contract over the plain RouterOS API (8728 on a router). */
class ApiPlainContractTest extends RouterClientContract {

    @Override
    RouterClient newClient(EmulatedRouter router, RouterConfig config) {
        return new ApiRouterClient(ApiSettings.of(config, router.router.apiPort(), false));
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
