package dev.wanctl.sim.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void latencyAgreesWithinThirtyPercentOrTenMilliseconds() {
        assertThat(Calibration.within(100, 129, 0.30, 10)).isTrue();
        assertThat(Calibration.within(100, 131, 0.30, 10)).isFalse();
        assertThat(Calibration.within(5, 14.9, 0.30, 10)).as("small values: 10 ms").isTrue();
        assertThat(Calibration.within(5, 16, 0.30, 10)).isFalse();
    }

    @Test
    void throughputAgreesWithinFivePoints() {
        assertThat(Calibration.within(95, 90, 0, 5)).isTrue();
        assertThat(Calibration.within(95, 89.9, 0, 5)).isFalse();
    }

    @Test
    void aMissingReactionOnlyAgreesWithAnotherMissingOne() {
        assertThat(Calibration.within(Double.NaN, Double.NaN, 0.30, 1)).isTrue();
        assertThat(Calibration.within(Double.NaN, 0.5, 0.30, 1)).isFalse();
    }
}
