package dev.wanctl.routeros.ssh;

import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.routeros.BackendType;
import dev.wanctl.routeros.RouterClient;

/** {@code transport: ssh}: the RouterOS console over one persistent SSH session. */
public final class SshBackend implements BackendType {

    @Override
    public String name() {
        return "ssh";
    }

    @Override
    public String doc() {
        return "CLI over SSH";
    }

    @Override
    public boolean routerOs() {
        return true;
    }

    @Override
    public String where(RouterConfig config) {
        return "ssh://" + config.host() + ":" + config.sshPort();
    }

    @Override
    public RouterClient open(RouterConfig config) {
        return new SshRouterClient(config);
    }
}
