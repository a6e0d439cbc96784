package dev.wanctl.routeros.failover;

import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.routeros.BackendType;
import dev.wanctl.routeros.RouterBackends;
import dev.wanctl.routeros.RouterClient;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code transport: failover}: the config's members ({@link RouterConfig#members()}, the primary
 * first, then the fallback), each made by its own registered backend, composed by a
 * {@link FailoverRouterClient}. Failover knows nothing of its members beyond their roles.
 */
public final class FailoverBackend implements BackendType {

    @Override
    public String name() {
        return "failover";
    }

    @Override
    public RouterClient open(RouterConfig config) {
        List<RouterClient> members = new ArrayList<>();
        try {
            for (RouterConfig.Transport t : config.members()) {
                members.add(RouterBackends.router(config.withTransport(t)));
            }
            if (members.size() != 2) {
                throw new IllegalArgumentException("failover composes two backends, got " + members.size());
            }
            return new FailoverRouterClient(config.host(), members.get(0), members.get(1), Clock.system());
        } catch (RuntimeException e) {
            members.forEach(RouterClient::close);
            throw e;
        }
    }
}
