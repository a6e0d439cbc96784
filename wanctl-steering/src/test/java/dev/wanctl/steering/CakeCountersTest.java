package dev.wanctl.steering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CakeCountersTest {

    private final CakeCounters counters = new CakeCounters();

    @Test
    void firstReadingIsOnlyTheBaseSoDropsSinceBootNeverSteerAtStart() {
        counters.update(48_000, 9_000_000);

        assertThat(counters.dropsDelta()).isZero();
        assertThat(counters.packetsDelta()).isZero();
        assertThat(counters.wasReset()).isFalse();
    }

    @Test
    void laterReadingsCountWhatHappenedSinceThePreviousOne() {
        counters.update(100, 1_000);
        counters.update(103, 1_500);
        counters.update(103, 1_600);

        assertThat(counters.dropsDelta()).isZero();
        assertThat(counters.packetsDelta()).isEqualTo(100);
    }

    @Test
    void counterThatWentBackwardsIsAResetCountedAsNothingAndRebased() {
        counters.update(5_000, 80_000);
        counters.update(7, 300); // router rebooted

        assertThat(counters.wasReset()).isTrue();
        assertThat(counters.dropsDelta()).isZero();
        assertThat(counters.packetsDelta()).isZero();

        counters.update(9, 400);
        assertThat(counters.wasReset()).isFalse();
        assertThat(counters.dropsDelta()).isEqualTo(2);
        assertThat(counters.packetsDelta()).isEqualTo(100);
    }
}
