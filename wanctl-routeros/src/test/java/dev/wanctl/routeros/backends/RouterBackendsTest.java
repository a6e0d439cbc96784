package dev.wanctl.routeros.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.core.config.Secret;
import dev.wanctl.routeros.BackendType;
import dev.wanctl.routeros.RouterClient;
import dev.wanctl.routeros.Shaper;
import dev.wanctl.routeros.SteeringRouter;
import dev.wanctl.routeros.api.ApiRouterClient;
import dev.wanctl.routeros.failover.FailoverBackend;
import dev.wanctl.routeros.failover.FailoverRouterClient;
import dev.wanctl.routeros.linuxtc.LinuxTcRouterClient;
import dev.wanctl.routeros.rest.RestRouterClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterBackendsTest {

    private static RouterConfig config(RouterConfig.Transport t) {
        return RouterConfig.rest("127.0.0.1", 9, RouterConfig.Scheme.HTTP, "wanctl", Secret.of("pw"))
                .withTransport(t);
    }

    @Test
    void everyRegisteredBackendIsAChoiceOfTheConfigInRegistrationOrder() {
        assertThat(new RouterBackends.Catalog().kinds()).extracting(BackendType::name)
                .containsExactly("rest", "ssh", "failover", "api", "linux-tc");
        for (String name : RouterBackends.names()) {
            assertThat(RouterConfig.Transport.named(name).kind().name()).isEqualTo(name);
        }
        assertThat(RouterConfig.Transport.routerOsNames()).isEqualTo("rest, ssh, failover or api");
    }

    @Test
    void aFailoverConfigDescribesItsMembersInOrder() {
        RouterConfig c = config(RouterConfig.Transport.FAILOVER);
        assertThat(c.transport().kind().where(c)).isEqualTo("http://127.0.0.1:9/rest, then ssh://127.0.0.1:22");
    }

    @Test
    void routerOsBackendsPlayBothRolesAndLinuxTcOnlyShapes() {
        try (Shaper rest = RouterBackends.shaper(config(RouterConfig.Transport.REST));
                Shaper api = RouterBackends.shaper(config(RouterConfig.Transport.API));
                Shaper tc = RouterBackends.shaper(config(RouterConfig.Transport.LINUX_TC))) {
            assertThat(rest).isInstanceOf(RestRouterClient.class).isInstanceOf(SteeringRouter.class);
            assertThat(api).isInstanceOf(ApiRouterClient.class).isInstanceOf(SteeringRouter.class);
            assertThat(tc).isInstanceOf(LinuxTcRouterClient.class).isNotInstanceOf(SteeringRouter.class);
        }
        assertThatThrownBy(() -> RouterBackends.router(config(RouterConfig.Transport.LINUX_TC)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shapes only");
    }

    @Test
    void failoverComposesItsMembersThroughTheRegistry() {
        RouterConfig c = new RouterConfig(RouterConfig.Transport.FAILOVER, "127.0.0.1", "wanctl", Secret.of("pw"), null,
                9, RouterConfig.Scheme.HTTP, 9, true, null, null, null, null, null, RouterConfig.Transport.API);
        try (RouterClient f = RouterBackends.router(c)) {
            assertThat(f).isInstanceOf(FailoverRouterClient.class);
            assertThat(f.transport()).isEqualTo("api");
        }
    }

    @Test
    void failoverOpensItsMembersWithWhatItIsHandedNotTheRegistry() {
        List<String> asked = new ArrayList<>();
        FailoverBackend failover = new FailoverBackend(member -> {
            asked.add(member.transport().configName());
            return RouterBackends.router(member);
        });
        RouterConfig c = config(RouterConfig.Transport.FAILOVER);
        try (RouterClient f = failover.open(c)) {
            assertThat(f.transport()).isEqualTo("rest");
        }
        assertThat(asked).containsExactly("rest", "ssh");
    }
}
