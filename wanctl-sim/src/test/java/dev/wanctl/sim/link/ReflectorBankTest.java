package dev.wanctl.sim.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReflectorBankTest {

    private static LinkDirection constant(Direction d, double mbps) {
        return new LinkDirection(d, new CapacitySpec.Constant(mbps, 0).create(1000, new SplittableRandom(1)), 250);
    }

    @Test
    void probeRttIsBasePlusTheQueueingDelayOfBothDirections() {
        // download: 10 Mbit/s (1250 B/ms), unshaped, FIFO holding 20 ms, fed exactly at capacity
        LinkDirection down = constant(Direction.DOWNLOAD, 10);
        down.fillFifo(25_000);
        // upload: 1 Mbit/s (125 B/ms), unshaped, FIFO holding 10 ms, fed exactly at capacity
        LinkDirection up = constant(Direction.UPLOAD, 1);
        up.fillFifo(1_250);
        ReflectorBank bank = new ReflectorBank(List.of(ReflectorSpec.clean("one", 20)), new SplittableRandom(7));
        for (long ms = 0; ms < 200; ms++) {
            down.step(ms, 0, 1250, 0, 20);
            up.step(ms, 0, 125, 0, 20);
            bank.step(ms, up, down, 0);
        }
        assertThat(down.addedLatencyMs()).isCloseTo(20.0, within(1e-9));
        assertThat(up.addedLatencyMs()).isCloseTo(10.0, within(1e-9));
        assertThat(bank.newestRttMs(0)).isCloseTo(20 + 20 + 10, within(1e-9));
        assertThat(bank.received(0)).isGreaterThan(0);
    }

    @Test
    void replyArrivesOneRttAfterItWasSent() {
        LinkDirection down = constant(Direction.DOWNLOAD, 10);
        LinkDirection up = constant(Direction.UPLOAD, 1);
        ReflectorBank bank = new ReflectorBank(List.of(ReflectorSpec.clean("one", 30)), new SplittableRandom(7));
        for (long ms = 0; ms <= 40; ms++) {
            down.step(ms, 0, 0, 0, 20);
            up.step(ms, 0, 0, 0, 20);
            bank.step(ms, up, down, 0);
        }
        // probes at 0 and 50 ms: the first is back at 30 ms
        assertThat(bank.newestRttMs(0)).isEqualTo(30.0);
        assertThat(bank.newestReceiveNanos(0)).isEqualTo(30_000_000L);
    }

    @Test
    void downReflectorNeverAnswers() {
        LinkDirection down = constant(Direction.DOWNLOAD, 10);
        LinkDirection up = constant(Direction.UPLOAD, 1);
        ReflectorBank bank = new ReflectorBank(
                List.of(ReflectorSpec.clean("a", 10), ReflectorSpec.clean("b", 10)), new SplittableRandom(7));
        bank.setDown(1, true);
        for (long ms = 0; ms < 1000; ms++) {
            down.step(ms, 0, 0, 0, 20);
            up.step(ms, 0, 0, 0, 20);
            bank.step(ms, up, down, 0);
        }
        assertThat(bank.received(0)).isEqualTo(20);
        assertThat(bank.sent(1)).isEqualTo(20);
        assertThat(bank.received(1)).isZero();
        assertThat(bank.newestReceiveNanos(1)).isEqualTo(-1);
        assertThat(bank.freshMedianRttMs(1_000_000_000L, 100_000_000L)).isEqualTo(10.0);
    }

    @Test
    void jitterAndLossFollowTheSpecOnAverage() {
        LinkDirection down = constant(Direction.DOWNLOAD, 10);
        LinkDirection up = constant(Direction.UPLOAD, 1);
        ReflectorSpec spec = new ReflectorSpec("noisy", 20, 2, 0.1, 0, 0, 1);
        ReflectorBank bank = new ReflectorBank(List.of(spec), new SplittableRandom(42));
        double sum = 0;
        long n = 0;
        long lastReceive = -1;
        for (long ms = 0; ms < 100_000; ms++) {
            down.step(ms, 0, 0, 0, 20);
            up.step(ms, 0, 0, 0, 20);
            bank.step(ms, up, down, 0);
            if (bank.newestReceiveNanos(0) != lastReceive) {
                lastReceive = bank.newestReceiveNanos(0);
                sum += bank.newestRttMs(0);
                n++;
            }
        }
        assertThat(bank.received(0) / (double) bank.sent(0)).isCloseTo(0.9, within(0.01));
        assertThat(sum / n).isCloseTo(22.0, within(0.2));
    }
}
