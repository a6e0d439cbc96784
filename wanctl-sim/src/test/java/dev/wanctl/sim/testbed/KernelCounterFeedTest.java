package dev.wanctl.sim.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wanctl.emulator.RouterEmulator;
import dev.wanctl.emulator.model.FixtureLoader;
import dev.wanctl.routeros.QueueStats;
import dev.wanctl.routeros.RouterException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelCounterFeedTest {

    /** One real line of {@code tc -s -j qdisc show} on a 1 Mbit/s htb with a 6250-byte bfifo, overfilled. */
    static final String TC_LINE = "[{\"kind\":\"htb\",\"handle\":\"1:\",\"root\":true,\"refcnt\":3,\"options\":{\"r2q\":10,"
            + "\"default\":\"0x10\",\"direct_packets_stat\":0,\"direct_qlen\":1000},\"bytes\":135766,\"packets\":97,"
            + "\"drops\":67454,\"overlimits\":94,\"requeues\":0,\"backlog\":1442,\"qlen\":1},{\"kind\":\"bfifo\","
            + "\"handle\":\"10:\",\"parent\":\"1:10\",\"options\":{\"limit\":6250},\"bytes\":135700,\"packets\":96,"
            + "\"drops\":1,\"overlimits\":0,\"requeues\":0,\"backlog\":7,\"qlen\":9}]";

    private final RouterEmulator emulator = RouterEmulator.builder().fixture(FixtureLoader.parse("""
            queue-types: [{name: cake-down, kind: cake}, {name: cake-up, kind: cake}]
            queue-tree:
              - {name: dl, parent: global, queue: cake-down, max-limit: "100000000"}
              - {name: ul, parent: global, queue: cake-up, max-limit: "20000000"}
            """, "feed test")).build();
    private final Deque<KernelCounterFeed.Totals[]> reads = new ArrayDeque<>();
    private final List<Long> readAt = new ArrayList<>();
    private long nowNanos;

    private KernelCounterFeed feed() {
        return new KernelCounterFeed(emulator.state(), "dl", "ul", () -> {
            readAt.add(nowNanos);
            return reads.removeFirst();
        }, () -> nowNanos, 20_000_000L);
    }

    private static KernelCounterFeed.Totals[] kernel(long dlBytes, long dlDrops, long dlBacklog, long ulBytes) {
        return new KernelCounterFeed.Totals[] {
            new KernelCounterFeed.Totals(dlBytes, dlBytes / 1514, dlDrops, dlBacklog, dlBacklog / 1514),
            new KernelCounterFeed.Totals(ulBytes, ulBytes / 1514, 0, 0, 0)};
    }

    private QueueStats stats(String queue) throws RouterException {
        return emulator.client().readQueueStats(queue);
    }

    @Test
    void theTcLineGivesTheRootShapersCountersNotItsLeafs() throws IOException {
        assertThat(KernelShaperStats.parse(TC_LINE)).isEqualTo(new KernelCounterFeed.Totals(135766, 97, 67454, 1442, 1));
    }

    @Test
    void aTcReplyWithoutTheShaperOrItsStatisticsIsAClearError() {
        assertThatThrownBy(() -> KernelShaperStats.parse("Cannot find device \"wtbrc\""))
                .isInstanceOf(IOException.class).hasMessageContaining("no htb shaper");
        assertThatThrownBy(() -> KernelShaperStats.parse("[{\"kind\":\"htb\",\"handle\":\"1:\",\"root\":true}]"))
                .isInstanceOf(IOException.class).hasMessageContaining("lacks the shaper's statistics");
        assertThatThrownBy(() -> KernelShaperStats.parse("[{\"kind\":\"htb\",\"handle\":\"2:\",\"parent\":\"1:10\","
                + "\"bytes\":1,\"packets\":1,\"drops\":0,\"backlog\":0,\"qlen\":0}]"))
                .isInstanceOf(IOException.class).hasMessageContaining("not the device's root");
    }

    @Test
    void theDaemonReadsWhatTheKernelShapedSinceTheRunStarted() throws Exception {
        KernelCounterFeed feed = feed();
        reads.add(kernel(5_000_000, 10, 0, 70_000)); // before the run: the baseline
        reads.add(kernel(17_500_000, 25, 7_570, 370_000));
        feed.sync();
        assertThat(stats("dl").bytes()).isZero();
        nowNanos += 200_000_000L;
        feed.sync();
        QueueStats dl = stats("dl");
        assertThat(dl.bytes()).isEqualTo(12_500_000);
        assertThat(dl.dropped()).isEqualTo(15);
        assertThat(dl.queuedBytes()).isEqualTo(7_570);
        assertThat(dl.queuedPackets()).isEqualTo(5);
        assertThat(stats("ul").bytes()).isEqualTo(300_000);
    }

    @Test
    void readsCloserThanTheMinimumIntervalShareOneKernelRead() throws Exception {
        KernelCounterFeed feed = feed();
        reads.add(kernel(0, 0, 0, 0));
        reads.add(kernel(1_000, 0, 0, 0));
        feed.sync();
        nowNanos += 5_000_000L;
        feed.sync();
        nowNanos += 15_000_000L;
        feed.sync();
        assertThat(readAt).containsExactly(0L, 20_000_000L);
        assertThat(stats("dl").bytes()).isEqualTo(1_000);
    }

    @Test
    void kernelCountersThatGoBackwardsStartANewBaselineInsteadOfNegativeTraffic() throws Exception {
        KernelCounterFeed feed = feed();
        reads.add(kernel(9_000_000, 0, 0, 0));
        reads.add(kernel(3_000, 0, 0, 0)); // the qdisc was replaced
        reads.add(kernel(4_500, 0, 0, 0));
        for (int i = 0; i < 3; i++) {
            feed.sync();
            nowNanos += 100_000_000L;
        }
        assertThat(stats("dl").bytes()).isEqualTo(1_500);
    }

    @Test
    void aFailedKernelReadIsARouterErrorToTheDaemonAndReportedToTheRun() {
        List<Exception> reported = new ArrayList<>();
        KernelCounterFeed broken = new KernelCounterFeed(emulator.state(), "dl", "ul", () -> {
            throw new IOException("tc in the router's namespace stopped answering");
        }, () -> 0L, 20_000_000L);
        KernelCountedRouter router = new KernelCountedRouter(emulator.client(), broken, reported::add);
        assertThatThrownBy(() -> router.readQueueStats("dl", "ul")).isInstanceOf(RouterException.class)
                .hasMessageContaining("kernel shaper's counters").hasMessageContaining("stopped answering");
        assertThat(reported).hasSize(1);
    }
}
