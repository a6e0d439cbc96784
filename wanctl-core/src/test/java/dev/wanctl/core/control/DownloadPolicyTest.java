package dev.wanctl.core.control;

import static dev.wanctl.core.control.Fixtures.M;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Hand-computed sequences that pin the reference implementation's download decisions. */
class DownloadPolicyTest {

    private final DownloadPolicy dl = new DownloadPolicy(Fixtures.cableDownload());

    @Test
    void startsAtTheCeilingInGreen() {
        assertThat(dl.rateBps()).isEqualTo(940 * M);
        assertThat(dl.zone()).isEqualTo(Zone.GREEN);
    }

    @Test
    void redCutsByFactorDownEveryRedCycleDownToTheRedFloor() {
        // 940 * 0.85 = 799, 679.15 -> 679.15M truncated to bit/s, ...
        assertThat(dl.update(100)).isEqualTo(799_000_000L);
        assertThat(dl.zone()).isEqualTo(Zone.RED);
        assertThat(dl.update(100)).isEqualTo(679_150_000L);
        assertThat(dl.update(100)).isEqualTo(577_277_500L);
        for (int i = 0; i < 20; i++) {
            dl.update(100);
        }
        assertThat(dl.rateBps()).isEqualTo(200 * M);
    }

    @Test
    void floorsRaiseTheRateAfterRed() {
        for (int i = 0; i < 20; i++) {
            dl.update(100); // down to the RED floor, 200M
        }
        assertThat(dl.rateBps()).isEqualTo(200 * M);
        dl.update(20); // YELLOW lifts to floor_yellow at once
        assertThat(dl.zone()).isEqualTo(Zone.YELLOW);
        assertThat(dl.rateBps()).isEqualTo(350 * M);
        dl.update(0); // any GREEN cycle lifts to floor_green, even before the streak
        assertThat(dl.zone()).isEqualTo(Zone.GREEN);
        assertThat(dl.rateBps()).isEqualTo(550 * M);
    }

    @Test
    void confirmedSoftRedLiftsToItsFloorAndHolds() {
        for (int i = 0; i < 20; i++) {
            dl.update(100);
        }
        dl.update(50);
        dl.update(50);
        assertThat(dl.zone()).isEqualTo(Zone.YELLOW); // not yet confirmed: YELLOW floor 350
        assertThat(dl.rateBps()).isEqualTo(350 * M);
        dl.update(50);
        assertThat(dl.zone()).isEqualTo(Zone.SOFT_RED);
        assertThat(dl.rateBps()).isEqualTo(350 * M); // holds; never decays in SOFT_RED
        dl.update(50);
        assertThat(dl.rateBps()).isEqualTo(350 * M);
    }

    @Test
    void softRedShowsAsYellowUntilConfirmedAndYellowResetsTheCount() {
        dl.update(50);
        dl.update(50);
        assertThat(dl.zone()).isEqualTo(Zone.YELLOW);
        dl.update(20); // a real YELLOW resets the SOFT_RED streak
        dl.update(50);
        dl.update(50);
        assertThat(dl.zone()).isEqualTo(Zone.YELLOW);
        dl.update(50);
        assertThat(dl.zone()).isEqualTo(Zone.SOFT_RED);
        assertThat(dl.streaks().softRed()).isEqualTo(3);
    }

    @Test
    void stepsUpEveryGreenCycleOnceTheStreakIsReached() {
        dl.restore(600 * M, Streaks.NONE);
        long[] expected = {600, 600, 600, 600, 610, 620, 630};
        for (long e : expected) {
            assertThat(dl.update(1)).isEqualTo(e * M);
        }
        dl.update(20); // YELLOW resets the streak
        assertThat(dl.rateBps()).isEqualTo(630 * M);
        for (int i = 0; i < 4; i++) {
            assertThat(dl.update(1)).isEqualTo(630 * M);
        }
        assertThat(dl.update(1)).isEqualTo(640 * M);
    }

    @Test
    void thresholdsAreStrictlyGreaterThan() {
        dl.update(15);
        assertThat(dl.zone()).isEqualTo(Zone.GREEN);
        dl.update(15.001);
        assertThat(dl.zone()).isEqualTo(Zone.YELLOW);
        dl.update(80);
        assertThat(dl.zone()).isNotEqualTo(Zone.RED);
        dl.update(80.001);
        assertThat(dl.zone()).isEqualTo(Zone.RED);
    }

    @Test
    void factorDownYellowDecaysWhileYellowDownToTheYellowFloor() {
        DownloadParams p = Fixtures.cableDownload();
        DownloadPolicy decaying = new DownloadPolicy(new DownloadParams(p.floorGreenBps(), p.floorYellowBps(),
                p.floorSoftRedBps(), p.floorRedBps(), p.ceilingBps(), p.stepUpBps(), p.factorDown(), 0.92,
                p.greenRequired(), p.softRedRequired(), p.thresholds(), Hysteresis.OFF));
        assertThat(decaying.update(20)).isEqualTo(864_800_000L); // 940 * 0.92
        for (int i = 0; i < 30; i++) {
            decaying.update(20);
        }
        assertThat(decaying.rateBps()).isEqualTo(350 * M);
    }

    @Test
    void dwellHoldsGreenUntilEnoughCyclesAboveTarget() {
        DownloadParams p = Fixtures.cableDownload();
        DownloadPolicy dwelling = new DownloadPolicy(new DownloadParams(p.floorGreenBps(), p.floorYellowBps(),
                p.floorSoftRedBps(), p.floorRedBps(), p.ceilingBps(), p.stepUpBps(), p.factorDown(), 0.9,
                p.greenRequired(), p.softRedRequired(), p.thresholds(), new Hysteresis(3, 0)));
        dwelling.update(20);
        dwelling.update(20);
        assertThat(dwelling.zone()).isEqualTo(Zone.GREEN);
        assertThat(dwelling.rateBps()).isEqualTo(940 * M);
        dwelling.update(20);
        assertThat(dwelling.zone()).isEqualTo(Zone.YELLOW);
        assertThat(dwelling.rateBps()).isEqualTo(846 * M);
        dwelling.update(100); // RED never waits
        assertThat(dwelling.zone()).isEqualTo(Zone.RED);
    }

    @Test
    void deadbandKeepsYellowUntilTheDeltaIsClearlyBelowTarget() {
        DownloadParams p = Fixtures.cableDownload();
        DownloadPolicy banded = new DownloadPolicy(new DownloadParams(p.floorGreenBps(), p.floorYellowBps(),
                p.floorSoftRedBps(), p.floorRedBps(), p.ceilingBps(), p.stepUpBps(), p.factorDown(), 1.0,
                p.greenRequired(), p.softRedRequired(), p.thresholds(), new Hysteresis(0, 3)));
        banded.update(20);
        banded.update(13); // below target 15 but not below 15 - 3
        assertThat(banded.zone()).isEqualTo(Zone.YELLOW);
        banded.update(11.9);
        assertThat(banded.zone()).isEqualTo(Zone.GREEN);
    }

    @Test
    void restoredRateIsClampedToTheCurrentFloorAndCeiling() {
        dl.restore(5_000 * M, new Streaks(0, 0, 2));
        assertThat(dl.rateBps()).isEqualTo(940 * M);
        assertThat(dl.zone()).isEqualTo(Zone.RED);
        dl.restore(1 * M, Streaks.NONE);
        assertThat(dl.rateBps()).isEqualTo(200 * M);
    }
}
