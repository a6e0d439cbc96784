package dev.wanctl.routeros.backends;

import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.routeros.RouterClient;
import dev.wanctl.routeros.Shaper;

/** Shorthands of {@link RouterBackends} by role, so daemons and tools agree. */
public final class RouterClients {

    private RouterClients() {}

    /** A RouterOS router (both roles); see {@link RouterBackends#router}. */
    public static RouterClient create(RouterConfig config) {
        return RouterBackends.router(config);
    }

    /** Autorate's role, whatever the backend; see {@link RouterBackends#shaper}. */
    public static Shaper shaper(RouterConfig config) {
        return RouterBackends.shaper(config);
    }
}
