package dev.wanctl.routeros.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wanctl.core.runtime.VirtualClock;
import dev.wanctl.routeros.QueueInfo;
import dev.wanctl.routeros.QueueStats;
import dev.wanctl.routeros.RouterClient;
import dev.wanctl.routeros.RouterException;
import dev.wanctl.routeros.RouterException.Kind;
import dev.wanctl.routeros.SystemInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailoverRouterClientTest {

    /** A transport that answers with its own name, or fails with {@link #failure} when set. */
    private static final class FakeTransport implements RouterClient {
        final String name;
        final VirtualClock clock;
        final List<Long> callTimesSeconds = new ArrayList<>();
        RouterException failure;
        boolean closed;

        FakeTransport(String name, VirtualClock clock) {
            this.name = name;
            this.clock = clock;
        }

        private void answer() throws RouterException {
            callTimesSeconds.add(clock.nanoTime() / 1_000_000_000L);
            if (failure != null) {
                throw failure;
            }
        }

        @Override
        public QueueInfo readQueue(String n) throws RouterException {
            answer();
            return new QueueInfo("", n, name, "cake", 1, false);
        }

        @Override
        public void setMaxLimit(String n, long bps) throws RouterException {
            answer();
        }

        @Override
        public QueueStats readQueueStats(String n) throws RouterException {
            answer();
            return new QueueStats(n, 0, 0, 0, 0, 0, 0);
        }

        @Override
        public boolean ruleEnabled(String comment) throws RouterException {
            answer();
            return true;
        }

        @Override
        public void setRuleEnabled(String comment, boolean enabled) throws RouterException {
            answer();
        }

        @Override
        public SystemInfo readSystem() throws RouterException {
            answer();
            return new SystemInfo(name, "board", 0, Duration.ZERO);
        }

        @Override
        public String transport() {
            return name;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final VirtualClock clock = new VirtualClock();
    private final FakeTransport rest = new FakeTransport("rest", clock);
    private final FakeTransport ssh = new FakeTransport("ssh", clock);
    private final FailoverRouterClient client = new FailoverRouterClient("r1", rest, ssh, clock);

    private static RouterException down() {
        return new RouterException(Kind.UNREACHABLE, "router r1 (rest): cannot reach: Connection refused");
    }

    @Test
    void restCarriesEveryCallWhileItAnswers() throws Exception {
        assertThat(client.readSystem().version()).isEqualTo("rest");
        client.setMaxLimit("q", 1);
        client.setRuleEnabled("c", true);

        assertThat(ssh.callTimesSeconds).isEmpty();
        assertThat(client.transport()).isEqualTo("rest");
    }

    @Test
    void theCallThatFailsOnRestIsCarriedBySshAndSshKeepsCarrying() throws Exception {
        rest.failure = down();

        assertThat(client.readSystem().version()).isEqualTo("ssh");
        assertThat(client.transport()).isEqualTo("ssh");
        clock.advance(Duration.ofSeconds(29));
        assertThat(client.readQueue("q").parent()).isEqualTo("ssh");

        assertThat(rest.callTimesSeconds).containsExactly(0L);
        assertThat(ssh.callTimesSeconds).containsExactly(0L, 29L);
    }

    @Test
    void restIsTriedAgainAfter30sThenDoublingUpToFiveMinutes() throws Exception {
        rest.failure = new RouterException(Kind.TIMEOUT, "no reply in time");

        for (int s = 0; s <= 1400; s++) {
            client.readQueueStats("q");
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(rest.callTimesSeconds).containsExactly(0L, 30L, 90L, 210L, 450L, 750L, 1050L, 1350L);
        assertThat(ssh.callTimesSeconds).hasSize(1401);
    }

    @Test
    void restTakesOverAgainWhenItAnswersAndTheBackoffStartsOver() throws Exception {
        rest.failure = down();
        client.readSystem();
        clock.advance(Duration.ofSeconds(30));
        client.readSystem(); // fails again: next try 60 s later
        rest.failure = null;
        clock.advance(Duration.ofSeconds(60));

        assertThat(client.readSystem().version()).isEqualTo("rest");
        assertThat(client.transport()).isEqualTo("rest");

        rest.failure = down();
        client.readSystem();
        clock.advance(Duration.ofSeconds(30));
        client.readSystem();
        assertThat(rest.callTimesSeconds).containsExactly(0L, 30L, 90L, 90L, 120L);
    }

    @Test
    void rejectedRestCredentialsAreReportedNotHiddenBySsh() {
        rest.failure = new RouterException(Kind.AUTHENTICATION, "router r1 rejected the credentials of user \"w\"");

        assertThatThrownBy(client::readSystem)
                .satisfies(e -> assertThat(((RouterException) e).kind()).isEqualTo(Kind.AUTHENTICATION));
        assertThat(ssh.callTimesSeconds).isEmpty();
        assertThat(client.transport()).isEqualTo("rest");
    }

    @Test
    void aMissingQueueIsReportedRatherThanRetriedOverSsh() {
        rest.failure = RouterException.queueNotFound("r1", "WAN-Download");

        assertThatThrownBy(() -> client.setMaxLimit("WAN-Download", 1))
                .satisfies(e -> assertThat(((RouterException) e).kind()).isEqualTo(Kind.NOT_FOUND));
        assertThat(ssh.callTimesSeconds).isEmpty();
    }

    @Test
    void whenBothFailTheSshErrorCarriesTheRestErrorToo() {
        rest.failure = down();
        ssh.failure = new RouterException(Kind.TIMEOUT, "router r1 (ssh): no reply");

        assertThatThrownBy(client::readSystem)
                .hasMessageContaining("(ssh)")
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                        .satisfies(s -> assertThat(s).hasMessageContaining("(rest)")));
    }

    @Test
    void closingClosesBothTransports() {
        client.close();

        assertThat(rest.closed).isTrue();
        assertThat(ssh.closed).isTrue();
    }
}
