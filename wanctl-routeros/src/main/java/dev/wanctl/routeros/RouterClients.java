package dev.wanctl.routeros;

import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.routeros.api.ApiRouterClient;
import dev.wanctl.routeros.api.ApiSettings;
import dev.wanctl.routeros.failover.FailoverRouterClient;
import dev.wanctl.routeros.linuxtc.LinuxTcRouterClient;
import dev.wanctl.routeros.rest.RestRouterClient;
import dev.wanctl.routeros.ssh.SshRouterClient;

/** The one place that turns {@code router.transport} into a client, so daemons and tools agree. */
public final class RouterClients {

    private RouterClients() {}

    /**
     * A client for the router of {@code config}; it connects on its first call. Throws
     * IllegalArgumentException when the config cannot work (unreadable CA file or SSH key, a
     * malformed pin, SSH without key or password).
     */
    public static RouterClient create(RouterConfig config) {
        return switch (config.transport()) {
            case REST -> new RestRouterClient(config);
            case SSH -> new SshRouterClient(config);
            case FAILOVER -> failover(config);
            case API -> api(config);
            case LINUX_TC -> new LinuxTcRouterClient(config.requestTimeout());
        };
    }

    private static RouterClient api(RouterConfig config) {
        return new ApiRouterClient(ApiSettings.of(config, config.restPort(), config.scheme() == RouterConfig.Scheme.HTTPS));
    }

    private static RouterClient failover(RouterConfig config) {
        RouterClient primary = config.failoverPrimary() == RouterConfig.Transport.API ? api(config)
                : new RestRouterClient(config);
        try {
            return new FailoverRouterClient(config.host(), primary, new SshRouterClient(config), Clock.system());
        } catch (RuntimeException e) {
            primary.close();
            throw e;
        }
    }
}
