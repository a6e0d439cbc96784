package dev.wanctl.routeros.linuxtc;

import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.routeros.BackendType;
import dev.wanctl.routeros.Shaper;

/** {@code transport: linux-tc}: the root CAKE qdiscs of this Linux host over rtnetlink; it shapes only. */
public final class LinuxTcBackend implements BackendType {

    @Override
    public String name() {
        return "linux-tc";
    }

    @Override
    public String doc() {
        return "this Linux host's CAKE qdiscs (autorate only)";
    }

    @Override
    public boolean routerOs() {
        return false;
    }

    @Override
    public String where(RouterConfig config) {
        return "the root qdiscs of this host over rtnetlink (needs CAP_NET_ADMIN)";
    }

    @Override
    public Shaper open(RouterConfig config) {
        return new LinuxTcRouterClient(config.requestTimeout());
    }
}
