package dev.wanctl.autorate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wanctl.core.runtime.VirtualClock;
import dev.wanctl.routeros.QueueInfo;
import dev.wanctl.routeros.QueueStats;
import dev.wanctl.routeros.Shaper;
import dev.wanctl.routeros.SystemInfo;
import org.junit.jupiter.api.Test;

class DeliveredRatesOnsetTest {

    private static final long MS = 1_000_000L;

    /** A download line that carries 95 Mbit/s until 900 ms, then 57 Mbit/s; the upload is idle. */
    private static final class Line implements Shaper {
        final VirtualClock clock;
        int reads;

        Line(VirtualClock clock) {
            this.clock = clock;
        }

        long downloadBytes() {
            long ms = clock.nanoTime() / MS;
            long before = Math.min(ms, 900);
            long after = Math.max(0, ms - 900);
            return (before * 95_000_000L + after * 57_000_000L) / 8 / 1000;
        }

        @Override
        public QueueStats[] readQueueStats(String first, String second) {
            reads++;
            return new QueueStats[] {new QueueStats(first, downloadBytes(), 0, 0, 0, 0, 0),
                    new QueueStats(second, 0, 0, 0, 0, 0, 0)};
        }

        @Override
        public QueueStats readQueueStats(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public QueueInfo readQueue(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setMaxLimit(String name, long maxLimitBps) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SystemInfo readSystem() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String transport() {
            return "test";
        }

        @Override
        public void close() {}
    }

    /** Polls every 50 ms cycle up to {@code untilMs}, calling onset at {@code onsetMs} (or never: -1). */
    private static void run(VirtualClock clock, DeliveredRates rates, long untilMs, long onsetMs) {
        while (clock.nanoTime() / MS < untilMs) {
            clock.advanceNanos(50 * MS);
            rates.pollIfDue(clock.nanoTime());
            if (clock.nanoTime() / MS == onsetMs) {
                rates.onset(clock.nanoTime());
            }
        }
    }

    @Test
    void aDelayRiseReadsTheCountersSoonSoTheDropShowsWithinTwoTenthsOfASecond() {
        VirtualClock clock = new VirtualClock();
        Line line = new Line(clock);
        DeliveredRates rates = new DeliveredRates(line, "wan", "dl", "ul", clock, 500 * MS, 2000 * MS);
        rates.pollIfDue(0);
        run(clock, rates, 1150, 950);
        assertEquals(57e6, rates.downloadBps(), 1e5, "the read 150 ms after the rise measures the line after it");
    }

    @Test
    void withoutARiseTheLoadedCadenceStillMixesTheDropWithTheTimeBeforeIt() {
        VirtualClock clock = new VirtualClock();
        Line line = new Line(clock);
        DeliveredRates rates = new DeliveredRates(line, "wan", "dl", "ul", clock, 500 * MS, 2000 * MS);
        rates.pollIfDue(0);
        run(clock, rates, 1150, -1);
        assertEquals(0.8 * 95e6 + 0.2 * 57e6, rates.downloadBps(), 1e5);
    }

    @Test
    void aRiseCostsTwoReadsAndThenTheLoadedCadenceResumes() {
        VirtualClock clock = new VirtualClock();
        Line line = new Line(clock);
        DeliveredRates rates = new DeliveredRates(line, "wan", "dl", "ul", clock, 500 * MS, 2000 * MS);
        rates.pollIfDue(0);
        run(clock, rates, 3000, 950);
        // loaded cadence: 0, 0.5; onset: 0.95, 1.1; then every 0.5 s: 1.6 ... 2.6
        assertEquals(2 + 2 + 3, line.reads);
    }

    /**
     * Polls every 50 ms cycle up to {@code untilMs}, the cycle wanting the loaded cadence from 2.6 s
     * to 2.8 s, with a direction's traffic in it unless {@code withoutTraffic}.
     */
    private static void runShortRise(VirtualClock clock, DeliveredRates rates, long untilMs, boolean withoutTraffic) {
        while (clock.nanoTime() / MS < untilMs) {
            clock.advanceNanos(50 * MS);
            long ms = clock.nanoTime() / MS;
            boolean wanted = ms >= 2600 && ms < 2800;
            rates.fast(wanted, wanted && !withoutTraffic);
            rates.pollIfDue(clock.nanoTime());
        }
    }

    /**
     * Rates on the idle cadence (2 s; loaded 0.5 s) that read the counters at 0 and 0.5 s (the
     * first rate), then every 2 s.
     */
    private static DeliveredRates idleAfterAReadAtZero(VirtualClock clock, Line line) {
        DeliveredRates rates = new DeliveredRates(line, "wan", "dl", "ul", clock, 500 * MS, 2000 * MS);
        rates.fast(false, false);
        rates.pollIfDue(0);
        return rates;
    }

    @Test
    void theFirstRateIsKnownAfterTheLoadedIntervalEvenWhileIdle() {
        VirtualClock clock = new VirtualClock();
        Line line = new Line(clock);
        DeliveredRates rates = idleAfterAReadAtZero(clock, line);
        run(clock, rates, 500, -1);
        assertEquals(2, line.reads, "the second read at 0.5 s, not at the idle 2 s");
        assertEquals(95e6, rates.downloadBps(), 1e5);
        run(clock, rates, 2450, -1);
        assertEquals(2, line.reads, "then the idle cadence");
        run(clock, rates, 2500, -1);
        assertEquals(3, line.reads);
    }

    @Test
    void aDelayRiseThatPassedWithoutTrafficCostsNoReadOfItsOwn() {
        VirtualClock clock = new VirtualClock();
        Line line = new Line(clock);
        DeliveredRates rates = idleAfterAReadAtZero(clock, line);
        // reads at 0, 0.5 and 2.5; the rise at 2.6 set one for 3.0, but it passed at 2.8
        runShortRise(clock, rates, 4450, true);
        assertEquals(3, line.reads);
        runShortRise(clock, rates, 4550, true);
        assertEquals(4, line.reads, "the idle read at 4.5");
    }

    @Test
    void aLoadThatEndedGetsItsLoadedCadenceReadStill() {
        VirtualClock clock = new VirtualClock();
        Line line = new Line(clock);
        DeliveredRates rates = idleAfterAReadAtZero(clock, line);
        // the read at 3.0 tells the law the load has ended (and how much it carried until then)
        runShortRise(clock, rates, 3050, false);
        assertEquals(4, line.reads);
    }
}
