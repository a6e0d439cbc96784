package dev.wanctl.emulator.transports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.core.runtime.VirtualClock;
import dev.wanctl.emulator.model.Transport;
import dev.wanctl.routeros.RouterClient;
import dev.wanctl.routeros.backends.RouterClients;
import dev.wanctl.routeros.failover.FailoverRouterClient;
import dev.wanctl.routeros.ssh.SshRouterClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The contract over failover composed of the API (api-ssl) first and SSH while the API fails. */
class ApiFailoverContractTest extends RouterClientContract {

    private final VirtualClock reprobeClock = new VirtualClock();

    @Override
    RouterClient newClient(EmulatedRouter router, RouterConfig config) {
        return new FailoverRouterClient(config.host(), RouterClients.create(config.withTransport(
                RouterConfig.Transport.API)), new SshRouterClient(config), reprobeClock);
    }

    @Override
    RouterConfig.Transport transport() {
        return RouterConfig.Transport.API;
    }

    @Override
    Transport[] carriers() {
        return new Transport[] {Transport.API, Transport.SSH};
    }

    @Override
    Duration callBound(RouterConfig config) {
        return config.requestTimeout().plus(config.connectTimeout()).plus(config.requestTimeout());
    }

    @Test
    void sshCarriesTheCallsWhileTheApiIsDownAndTheApiTakesOverWhenItIsBack() throws Exception {
        client.setMaxLimit(DOWNLOAD, 700_000_000L);
        assertThat(client.transport()).isEqualTo("api");

        emulated.router.faults().on(Transport.API).down();
        client.setMaxLimit(DOWNLOAD, 600_000_000L);
        assertThat(client.transport()).isEqualTo("ssh");
        assertThat(emulated.router.state().maxLimitBps(DOWNLOAD)).isEqualTo(600_000_000L);

        bringUp(() -> emulated.router.faults().on(Transport.API).up());
        reprobeClock.advance(Duration.ofSeconds(30));
        awaitSuccess(() -> {
            client.setMaxLimit(DOWNLOAD, 500_000_000L);
            return null;
        });
        assertThat(emulated.router.state().maxLimitBps(DOWNLOAD)).isEqualTo(500_000_000L);
    }
}
