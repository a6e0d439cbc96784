package dev.wanctl.routeros.failover;

import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.routeros.BackendType;
import dev.wanctl.routeros.backends.RouterBackends;
import dev.wanctl.routeros.RouterClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@code transport: failover}: the config's members ({@link RouterConfig#members()}, the primary
 * first, then the fallback), each made by its own registered backend, composed by a
 * {@link FailoverRouterClient}. Failover knows nothing of its members beyond their roles, and
 * not the registry either: it is handed how to open a member.
 */
public final class FailoverBackend implements BackendType {

    private final Function<RouterConfig, RouterClient> members;

    /** {@code members} opens one member's RouterOS router (the registry's {@code router} in production). */
    public FailoverBackend(Function<RouterConfig, RouterClient> members) {
        this.members = Objects.requireNonNull(members, "members");
    }

    @Override
    public String name() {
        return "failover";
    }

    @Override
    public String doc() {
        return "REST (or the API, router.failover_primary), with SSH while it fails";
    }

    @Override
    public boolean routerOs() {
        return true;
    }

    /** Its members' addresses, the one carrying the calls first: {@code https://r:443/rest, then ssh://r:22}. */
    @Override
    public String where(RouterConfig config) {
        return config.members().stream().map(t -> t.kind().where(config.withTransport(t)))
                .collect(java.util.stream.Collectors.joining(", then "));
    }

    @Override
    public RouterClient open(RouterConfig config) {
        List<RouterClient> opened = new ArrayList<>();
        try {
            for (RouterConfig.Transport t : config.members()) {
                opened.add(members.apply(config.withTransport(t)));
            }
            if (opened.size() != 2) {
                throw new IllegalArgumentException("failover composes two backends, got " + opened.size());
            }
            return new FailoverRouterClient(config.host(), opened.get(0), opened.get(1), Clock.system());
        } catch (RuntimeException e) {
            opened.forEach(RouterClient::close);
            throw e;
        }
    }
}
