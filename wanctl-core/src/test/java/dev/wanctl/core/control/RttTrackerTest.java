package dev.wanctl.core.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RttTrackerTest {

    @Test
    void legacyAlphasAreAppliedOncePerCycle() {
        RttTracker t = new RttTracker(Fixtures.rtt(20, 0.02, 0.20));
        t.update(22);
        // load = 20 + 0.2 * 2 = 20.4; gate 0.4 < 3 so baseline = 20 + 0.02 * 2 = 20.04 (fed the raw sample)
        assertThat(t.loadMs()).isCloseTo(20.4, within(1e-12));
        assertThat(t.baselineMs()).isCloseTo(20.04, within(1e-12));
        t.update(22);
        assertThat(t.loadMs()).isCloseTo(20.72, within(1e-12));
        assertThat(t.baselineMs()).isCloseTo(20.0792, within(1e-12));
    }

    @Test
    void baselineFreezesWhileLoadIsThresholdAboveIt() {
        RttTracker t = new RttTracker(Fixtures.rtt(20, 0.5, 1.0));
        t.update(23); // load 23, load - baseline = 3 >= 3: frozen
        assertThat(t.baselineFrozen()).isTrue();
        assertThat(t.baselineMs()).isEqualTo(20);
        t.update(22.9); // 2.9 < 3: learns from the raw sample
        assertThat(t.baselineFrozen()).isFalse();
        assertThat(t.baselineMs()).isCloseTo(21.45, within(1e-12));
    }

    @Test
    void candidateBaselineOutsideTheBoundsIsRejected() {
        RttTracker t = new RttTracker(new RttTrackerParams(20, 1.0, 1.0, 3.0, 10, 60));
        t.update(5);
        assertThat(t.baselineRejectedByBounds()).isTrue();
        assertThat(t.baselineMs()).isEqualTo(20);
        assertThat(t.loadMs()).isEqualTo(5);
    }

    @Test
    void deltaIsLoadMinusBaselineAndMayBeNegative() {
        RttTracker t = new RttTracker(Fixtures.rtt(20, 0.001, 1.0));
        t.update(10);
        assertThat(t.deltaMs()).isNegative();
    }

    @Test
    void loadEwmaUsesTheReferenceOperationOrderSoADeltaExactlyAtTheTargetStaysGreen() {
        // (1 - 0.5) * 10.1 + 0.5 * 28.3 = 19.2 exactly, so delta = 9.1 = target: GREEN (strict >);
        // 10.1 + 0.5 * (28.3 - 10.1) = 19.200000000000003 would read YELLOW
        RttTracker t = new RttTracker(Fixtures.rtt(10.1, 0.001, 0.5));
        t.update(28.3);
        assertThat(t.loadMs()).isEqualTo(19.2);
        assertThat(t.deltaMs()).isEqualTo(9.1);
        DownloadPolicy dl = new DownloadPolicy(new DownloadParams(550 * Fixtures.M, 350 * Fixtures.M, 275 * Fixtures.M,
                200 * Fixtures.M, 940 * Fixtures.M, 10 * Fixtures.M, 0.85, 1.0, 5, 3, new Thresholds(9.1, 45, 80),
                Hysteresis.OFF));
        dl.update(t.deltaMs());
        assertThat(dl.zone()).isEqualTo(Zone.GREEN);
    }

    @Test
    void baselineEwmaUsesTheReferenceOperationOrder() {
        // (1 - 0.25) * 10.1 + 0.25 * 10.3 = 10.149999999999999; 10.1 + 0.25 * (10.3 - 10.1) = 10.15
        RttTracker t = new RttTracker(Fixtures.rtt(10.1, 0.25, 0.001));
        t.update(10.3);
        assertThat(t.baselineMs()).isEqualTo(10.149999999999999);
    }
}
