package dev.wanctl.sim.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StepCapacityTest {

    @Test
    void drainTimeUsesTheLevelsAhead() {
        // 8 Mbit/s (1000 B/ms) until 100 ms, nothing until 200 ms, then 16 Mbit/s (2000 B/ms)
        StepCapacity c = new StepBuilder().at(0, 8e6).at(100, 0).at(200, 16e6).build(16e6, 0, new SplittableRandom(1));
        c.moveTo(49);
        assertThat(c.drainMs(10_000)).isCloseTo(10.0, within(1e-9));
        // 50 ms at 1000 B/ms, 100 ms of nothing, then 5 ms at 2000 B/ms
        assertThat(c.drainMs(60_000)).isCloseTo(155.0, within(1e-9));
    }

    @Test
    void aLinkThatNeverComesBackDrainsInTheLongestReportedTime() {
        StepCapacity c = new StepBuilder().at(0, 8e6).at(10, 0).build(8e6, 0, new SplittableRandom(1));
        c.moveTo(20);
        assertThat(c.drainMs(1)).isEqualTo(CapacitySource.MAX_DRAIN_MS);
    }

    @Test
    void jitterKeepsTheMeanAtTheLevel() {
        StepCapacity c = new StepBuilder().at(0, 80e6).build(80e6, 0.2, new SplittableRandom(9));
        double sum = 0;
        for (long ms = 0; ms < 100_000; ms++) {
            c.moveTo(ms);
            sum += c.bytesThisMs();
            assertThat(c.capacityBps()).isEqualTo(80e6);
        }
        assertThat(sum / 100_000).isCloseTo(10_000.0, within(50.0));
    }

    @Test
    void generatedShapesAreReproducibleFromTheSeed() {
        CapacitySpec spec = new CapacitySpec.CablePrimeTime(940, 0.3, 180, 0.1);
        CapacitySource a = spec.create(3_600_000, new SplittableRandom(5));
        CapacitySource b = spec.create(3_600_000, new SplittableRandom(5));
        CapacitySource other = spec.create(3_600_000, new SplittableRandom(6));
        boolean differs = false;
        for (long ms = 0; ms < 3_600_000; ms += 1000) {
            a.moveTo(ms);
            b.moveTo(ms);
            other.moveTo(ms);
            assertThat(a.capacityBps()).isEqualTo(b.capacityBps());
            differs |= a.capacityBps() != other.capacityBps();
            assertThat(a.capacityBps()).isBetween(0.7 * 0.4 * 940e6 - 1, 940e6);
        }
        assertThat(differs).isTrue();
    }

    @Test
    void starlinkReconfiguresEveryFifteenSecondsAtTwelvePastTheQuarter() {
        CapacitySource s = new CapacitySpec.Starlink(200, 0.4, 15, 200, 0).create(60_000, new SplittableRandom(3));
        s.moveTo(11_999);
        double before = s.capacityBps();
        s.moveTo(12_000);
        assertThat(s.capacityBps()).as("handover dip").isLessThan(0.11 * 200e6);
        s.moveTo(12_200);
        double after = s.capacityBps();
        assertThat(after).isBetween(0.4 * 200e6, 200e6);
        s.moveTo(26_999);
        assertThat(s.capacityBps()).isEqualTo(after);
        assertThat(before).isBetween(0.4 * 200e6, 200e6);
    }

    @Test
    void dslRetrainDropsAndRecovers() {
        CapacitySource d = new CapacitySpec.Dsl(95, 0, 60, 0.6, 120, 0).create(600_000, new SplittableRandom(1));
        d.moveTo(59_999);
        assertThat(d.capacityBps()).isEqualTo(95e6);
        d.moveTo(60_000);
        assertThat(d.capacityBps()).isCloseTo(57e6, within(1.0));
        d.moveTo(180_000);
        assertThat(d.capacityBps()).isEqualTo(95e6);
    }
}
