package dev.wanctl.routeros.api;

import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.routeros.BackendType;
import dev.wanctl.routeros.RouterClient;

/**
 * {@code transport: api}: the RouterOS API on one persistent connection, TLS ({@code api-ssl},
 * 8729) unless {@code router.scheme: http} (plain {@code api}, 8728).
 */
public final class ApiBackend implements BackendType {

    @Override
    public String name() {
        return "api";
    }

    @Override
    public String doc() {
        return "RouterOS API (8729 TLS, 8728 plain)";
    }

    @Override
    public boolean routerOs() {
        return true;
    }

    @Override
    public String where(RouterConfig config) {
        return (config.scheme() == RouterConfig.Scheme.HTTPS ? "api-ssl://" : "api://") + config.host() + ":"
                + config.restPort();
    }

    @Override
    public RouterClient open(RouterConfig config) {
        return new ApiRouterClient(ApiSettings.of(config, config.restPort(),
                config.scheme() == RouterConfig.Scheme.HTTPS));
    }
}
