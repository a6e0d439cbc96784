package dev.wanctl.emulator.transports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.core.runtime.VirtualClock;
import dev.wanctl.routeros.RouterClient;
import dev.wanctl.routeros.failover.FailoverRouterClient;
import dev.wanctl.routeros.rest.RestRouterClient;
import dev.wanctl.routeros.ssh.SshRouterClient;
import dev.wanctl.emulator.model.Transport;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The contract over the failover client (REST on HTTPS, SSH with a key), plus the failover
 * itself: REST going down and coming back. The re-probe schedule runs on a virtual clock.
 */
class FailoverContractTest extends RouterClientContract {

    private final VirtualClock reprobeClock = new VirtualClock();

    @Override
    RouterClient newClient(EmulatedRouter router, RouterConfig config) {
        return new FailoverRouterClient(config.host(), new RestRouterClient(config), new SshRouterClient(config),
                reprobeClock);
    }

    @Override
    RouterConfig.Transport transport() {
        return RouterConfig.Transport.FAILOVER;
    }

    @Override
    Transport[] carriers() {
        return new Transport[] {Transport.REST, Transport.SSH};
    }

    /** A call that falls over is bounded by REST's bound plus SSH's, whose session is not open yet. */
    @Override
    Duration callBound(RouterConfig config) {
        return config.requestTimeout().plus(config.connectTimeout()).plus(config.requestTimeout());
    }

    @Test
    void sshCarriesTheCallsWhileRestIsDownAndRestTakesOverWhenItIsBack() throws Exception {
        client.setMaxLimit(DOWNLOAD, 700_000_000L);
        assertThat(client.transport()).isEqualTo("rest");

        emulated.router.faults().on(Transport.REST).down();
        client.setMaxLimit(DOWNLOAD, 600_000_000L);
        assertThat(client.transport()).isEqualTo("ssh");
        assertThat(emulated.router.state().maxLimitBps(DOWNLOAD)).isEqualTo(600_000_000L);

        bringUp(() -> emulated.router.faults().on(Transport.REST).up());
        client.setMaxLimit(DOWNLOAD, 550_000_000L);
        assertThat(client.transport()).as("REST is not tried again before 30 s").isEqualTo("ssh");

        reprobeClock.advance(Duration.ofSeconds(30));
        client.setMaxLimit(DOWNLOAD, 500_000_000L);
        assertThat(client.transport()).isEqualTo("rest");
        assertThat(emulated.router.state().maxLimitBps(DOWNLOAD)).isEqualTo(500_000_000L);
    }

    @Test
    void restServerErrorsAreCarriedBySsh() throws Exception {
        emulated.router.faults().on(Transport.REST).serverErrorsUntilCleared();

        assertThat(client.readQueueStats(DOWNLOAD).name()).isEqualTo(DOWNLOAD);
        assertThat(client.transport()).isEqualTo("ssh");
    }
}
