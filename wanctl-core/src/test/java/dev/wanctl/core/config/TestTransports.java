package dev.wanctl.core.config;

import java.util.List;

/**
 * Core's tests' stand-in for the router backends' registry (which lives in wanctl-routeros, out of
 * core's sight): the same names, in the same order, with the same roles, so that the loader's
 * choices and messages read as in production. wanctl-routeros' tests check the real catalog.
 */
public final class TestTransports implements TransportCatalog {

    private record Kind(String name, boolean routerOs) implements TransportKind {
        @Override
        public String doc() {
            return name;
        }

        @Override
        public String where(RouterConfig config) {
            return name + "://" + config.host();
        }
    }

    @Override
    public List<? extends TransportKind> kinds() {
        return List.of(new Kind("rest", true), new Kind("ssh", true), new Kind("failover", true),
                new Kind("api", true), new Kind("linux-tc", false));
    }
}
