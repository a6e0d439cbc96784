package dev.wanctl.emulator;

import dev.wanctl.emulator.faults.TransportFaults;
import dev.wanctl.emulator.model.RequestCounts;
import dev.wanctl.emulator.model.RequestKind;
import dev.wanctl.emulator.model.Transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wanctl.core.runtime.VirtualClock;
import dev.wanctl.routeros.QueueInfo;
import dev.wanctl.routeros.QueueStats;
import dev.wanctl.routeros.RouterException;
import dev.wanctl.routeros.RouterException.Kind;
import dev.wanctl.routeros.SystemInfo;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The in-process client on a virtual clock: no sockets, faults as RouterException kinds. */
class EmulatedRouterClientTest {

    private static final String RULE = "ADAPTIVE: Steer latency-sensitive to ATT";

    private final VirtualClock clock = new VirtualClock();
    private final RouterEmulator router = RouterEmulator.builder().clock(clock).build();
    private final EmulatedRouterClient client = router.client();

    @Test
    void readsQueuesStatsRulesAndSystemWithoutStartingListeners() throws Exception {
        router.state().addTraffic("WAN-Download-Spectrum", 1000, 10, 1);
        router.state().setBacklog("WAN-Download-Spectrum", 3000, 2);
        router.state().setRate("WAN-Download-Spectrum", 800_000_000, 70_000);
        clock.advance(Duration.ofHours(49).plusSeconds(5));

        QueueInfo q = client.readQueue("WAN-Download-Spectrum");
        QueueStats s = client.readQueueStats("WAN-Download-Spectrum");
        SystemInfo sys = client.readSystem();

        assertThat(router.restPort()).isEqualTo(-1);
        assertThat(q).isEqualTo(new QueueInfo("*1000000", "WAN-Download-Spectrum", "global", "cake-down-spectrum",
                940_000_000L, false));
        assertThat(s).isEqualTo(new QueueStats("WAN-Download-Spectrum", 1000, 10, 1, 3000, 2, 800_000_000));
        assertThat(client.ruleEnabled(RULE)).isFalse();
        assertThat(sys).isEqualTo(new SystemInfo("7.16.2 (stable)", "RB5009UG+S+", 2, Duration.ofSeconds(49 * 3600 + 5)));
        assertThat(client.transport()).isEqualTo("emulated");
    }

    @Test
    void writesAreAppliedAndRecordedAtVirtualTime() throws Exception {
        clock.advance(Duration.ofSeconds(30));

        client.setMaxLimit("WAN-Download-ATT", 80_000_000);
        client.setRuleEnabled(RULE, true);

        assertThat(router.state().maxLimitBps("WAN-Download-ATT")).isEqualTo(80_000_000L);
        assertThat(client.ruleEnabled(RULE)).isTrue();
        assertThat(router.state().writes()).hasSize(2).allSatisfy(w -> {
            assertThat(w.via()).isEqualTo(Transport.IN_PROCESS);
            assertThat(w.atNanos()).isEqualTo(Duration.ofSeconds(30).toNanos());
        });
        assertThat(router.state().ruleToggles(RULE).getFirst().newValue()).isEqualTo("false");
        assertThat(router.requests().count(Transport.IN_PROCESS, RequestKind.WRITE)).isEqualTo(2);
    }

    @Test
    void counterRatesAreMeasuredOnTheEmulatorClock() throws Exception {
        RequestCounts before = router.requests().snapshot();
        for (int i = 0; i < 40; i++) {
            client.readQueueStats("WAN-Download-ATT");
            clock.advance(Duration.ofMillis(50));
        }

        RequestCounts after = router.requests().snapshot();

        assertThat(after.perSecondSince(before, Transport.IN_PROCESS, RequestKind.READ)).isEqualTo(20.0);
        assertThat(after.perSecondSince(before, Transport.IN_PROCESS, RequestKind.WRITE)).isZero();
    }

    @Test
    void faultsBecomeTheMatchingErrorKinds() {
        TransportFaults f = router.faults().on(Transport.IN_PROCESS);

        f.down();
        assertKind(() -> client.readQueue("WAN-Download-ATT"), Kind.UNREACHABLE);
        f.up().rejectCredentials();
        assertKind(() -> client.readQueue("WAN-Download-ATT"), Kind.AUTHENTICATION);
        f.clear().serverErrors(1);
        assertKind(() -> client.setMaxLimit("WAN-Download-ATT", 1), Kind.ROUTER_ERROR);
        f.timeouts(1);
        assertKind(() -> client.readSystem(), Kind.TIMEOUT);
        f.dropConnections(1);
        assertKind(() -> client.ruleEnabled(RULE), Kind.UNREACHABLE);
        assertKind(() -> router.client("wanctl", "wrong").readSystem(), Kind.AUTHENTICATION);
        router.faults().deleteQueue("WAN-Download-ATT");
        assertKind(() -> client.readQueue("WAN-Download-ATT"), Kind.NOT_FOUND);
        router.faults().deleteRule(RULE);
        assertKind(() -> client.setRuleEnabled(RULE, true), Kind.NOT_FOUND);
    }

    @Test
    void otherTransportsFaultsLeaveTheInProcessClientAlone() throws Exception {
        router.faults().on(Transport.REST, Transport.SSH).down().serverErrorsUntilCleared();

        assertThat(client.readQueue("WAN-Upload-ATT").maxLimitBps()).isEqualTo(18_000_000L);
    }

    @Test
    void rebootIsUnreachableForItsDowntimeThenResetsCountersAndUptime() throws Exception {
        router.state().addTraffic("WAN-Upload-ATT", 5000, 50, 0);
        clock.advance(Duration.ofHours(3));

        router.faults().reboot(Duration.ofSeconds(40), true);
        assertKind(() -> client.readQueueStats("WAN-Upload-ATT"), Kind.UNREACHABLE);
        clock.advance(Duration.ofSeconds(40));
        clock.advance(Duration.ofSeconds(5));

        QueueStats s = client.readQueueStats("WAN-Upload-ATT");
        assertThat(s.bytes()).isZero();
        assertThat(client.readSystem().uptime()).isEqualTo(Duration.ofSeconds(5));
        assertThat(client.readQueue("WAN-Upload-ATT").id()).isNotEqualTo("*1000003");
        assertThat(router.faults().rebooting()).isFalse();
    }

    @Test
    void invalidMaxLimitIsARouterError() {
        assertKind(() -> client.setMaxLimit("WAN-Upload-ATT", -5), Kind.ROUTER_ERROR);
    }

    @Test
    void closedClientNoLongerReachesTheRouter() {
        client.close();

        assertKind(() -> client.readSystem(), Kind.UNREACHABLE);
    }

    private static void assertKind(ThrowingCallable call, Kind kind) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RouterException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }
}
