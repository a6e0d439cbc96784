package dev.wanctl.autorate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.control.RateLimiter;
import dev.wanctl.core.control.WriteGate;
import dev.wanctl.core.runtime.VirtualClock;
import dev.wanctl.emulator.RouterEmulator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The rate writer against the emulated router: what reaches the router, queue by queue. */
class RateWriterTest {

    private static final String DL = "WAN-Download-Spectrum";
    private static final String UL = "WAN-Upload-Spectrum";
    private static final long M = 1_000_000L;

    private final VirtualClock clock = new VirtualClock();
    private final RouterEmulator router = RouterEmulator.builder().clock(clock).build();

    private RateWriter writer(WriteGate gate) {
        RateWriter w = new RateWriter(router.client(), "spectrum", DL, UL, gate, clock, 50_000_000L, false);
        w.assumeApplied(router.state().maxLimitBps(DL), router.state().maxLimitBps(UL));
        return w;
    }

    @Test
    void onlyTheQueueWhoseRateChangedIsWritten() {
        RateWriter w = writer(new WriteGate(null));
        long ul = router.state().maxLimitBps(UL);
        w.offer(500 * M, ul);
        w.service();
        w.offer(500 * M, 20 * M);
        w.service();
        assertThat(router.state().maxLimitWrites(DL)).hasSize(1);
        assertThat(router.state().maxLimitWrites(UL)).hasSize(1);
        assertThat(router.state().maxLimitBps(UL)).isEqualTo(20 * M);
    }

    @Test
    void aDownloadCutIsWrittenAtOnceWhileTheUploadsRaiseWaits() {
        // 10 writes per 10 s, 5 kept for cuts: raises one per 2 s
        RateWriter w = writer(new WriteGate(new RateLimiter(10, 10_000_000_000L), 5));
        w.assumeApplied(800 * M, 20 * M);
        w.offer(900 * M, 30 * M); // a raise of both queues at 0 s
        w.service();
        clock.advance(Duration.ofMillis(500));
        w.offer(400 * M, 35 * M);
        long next = w.service();
        assertThat(router.state().maxLimitBps(DL)).as("the cut went").isEqualTo(400 * M);
        assertThat(router.state().maxLimitBps(UL)).as("the raise waits").isEqualTo(30 * M);
        assertThat(w.snapshot().pending()).isTrue();
        assertThat(next).isEqualTo(Duration.ofSeconds(2).toNanos());
        clock.advance(Duration.ofMillis(1500));
        w.service();
        assertThat(router.state().maxLimitBps(UL)).isEqualTo(35 * M);
        assertThat(router.state().maxLimitWrites(DL)).hasSize(2);
        assertThat(w.snapshot().pending()).isFalse();
    }
}
