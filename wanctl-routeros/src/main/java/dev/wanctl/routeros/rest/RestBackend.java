package dev.wanctl.routeros.rest;

import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.routeros.BackendType;
import dev.wanctl.routeros.RouterClient;

/** {@code transport: rest}: the RouterOS REST API over HTTPS (or HTTP). */
public final class RestBackend implements BackendType {

    @Override
    public String name() {
        return "rest";
    }

    @Override
    public String doc() {
        return "REST API (recommended)";
    }

    @Override
    public boolean routerOs() {
        return true;
    }

    @Override
    public String where(RouterConfig config) {
        return (config.scheme() == RouterConfig.Scheme.HTTPS ? "https://" : "http://") + config.host() + ":"
                + config.restPort() + "/rest";
    }

    @Override
    public RouterClient open(RouterConfig config) {
        return new RestRouterClient(config);
    }
}
