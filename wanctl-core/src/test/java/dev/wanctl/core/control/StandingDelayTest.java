package dev.wanctl.core.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StandingDelayTest {

    private static final long M = 1_000_000L;
    /** 50 ms steps: the default 2 s standingSec is 40 steps, the 0.25 s drain 5. */
    private static final AdaptiveParams CABLE = AdaptiveParams.defaults(0.05, 150 * M, 940 * M, 8 * M, 38 * M);

    private final StandingDelay detector = new StandingDelay(CABLE);
    private final AdaptiveDirection dl = new AdaptiveDirection(150 * M, 940 * M);
    private final AdaptiveDirection ul = new AdaptiveDirection(8 * M, 38 * M);
    private long step;

    /** One step: the router has {@code dlAppliedBps}; returns whether the delay stood. */
    private boolean step(double deltaMs, double dlDeliveredBps, long dlAppliedBps) {
        step++;
        detector.noteApplied(step, dl, dlAppliedBps);
        detector.noteApplied(step, ul, ul.rateBps);
        return detector.watch(step, deltaMs, dl, ul, dlDeliveredBps, 0.1 * M);
    }

    /** A loaded download at 800 M; the delay rises to {@code deltaMs} and the law cuts it to 400 M. */
    private void episodeWithACut(double deltaMs) {
        dl.rateBps = 800 * M;
        dl.active = true;
        assertThat(step(deltaMs, 790 * M, 800 * M)).isFalse();
        dl.rateBps = 400 * M;
        dl.cutInEpisode = true;
        dl.capacity.bps = 400 * M;
    }

    /** Steps until {@code maxSteps} or the first standing event; returns the number of steps taken. */
    private int runUntilStanding(int maxSteps, double deltaMs, double dlDeliveredBps, long dlAppliedBps) {
        for (int i = 1; i <= maxSteps; i++) {
            if (step(deltaMs, dlDeliveredBps, dlAppliedBps)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aDelayThatStaysAfterTheRateWasCutIsRecognisedAsStandingAndTheCutIsUndone() {
        episodeWithACut(40);
        int steps = runUntilStanding(100, 40, 395 * M, 400 * M);
        assertThat(steps).as("standingSec (40 steps) after the rise").isEqualTo(40);
        assertThat(detector.standingMs()).isEqualTo(40);
        assertThat(detector.events()).isEqualTo(1);
        assertThat(detector.inEpisode()).isFalse();
        assertThat(dl.rateBps).as("the futile cut undone").isEqualTo(800 * M);
        assertThat(dl.restoreBps).as("a raise that reverses our cut: written like a cut").isEqualTo(800 * M);
        assertThat(dl.capacity.bps).as("the capacity learned on it forgotten").isZero();
        assertThat(dl.cutInEpisode).isFalse();
    }

    @Test
    void aDelayThatFallsAfterTheCutIsNotStanding() {
        episodeWithACut(60);
        // the queue drains, 1 ms per step, and stays above the cut threshold all along
        for (int i = 0; i < 48; i++) {
            assertThat(step(60 - i, 395 * M, 400 * M)).isFalse();
        }
        assertThat(detector.events()).isZero();
        assertThat(dl.rateBps).as("the cut stays").isEqualTo(400 * M);
    }

    @Test
    void aDelayIsNotStandingWhileTheRouterDoesNotHaveTheCut() {
        episodeWithACut(40);
        assertThat(runUntilStanding(100, 40, 395 * M, 800 * M)).as("the write was held back").isEqualTo(-1);
        assertThat(dl.rateBps).isEqualTo(400 * M);
    }

    @Test
    void aDelayIsNotStandingWhenTheCutTookNoLoadOffTheLine() {
        episodeWithACut(40);
        // the download still delivers what it did when the delay rose: the cut has not bitten
        assertThat(runUntilStanding(100, 40, 790 * M, 400 * M)).isEqualTo(-1);
        assertThat(detector.events()).isZero();
    }

    @Test
    void delayThatStaysWhileNothingIsActiveIsStandingWithoutAnyCut() {
        int steps = runUntilStanding(100, 30, 0.1 * M, 940 * M);
        assertThat(steps).isEqualTo(41);
        assertThat(detector.standingMs()).isEqualTo(30);
        assertThat(dl.rateBps).as("nothing to undo").isEqualTo(940 * M);
    }

    @Test
    void onlyTheEpisodesSecondHalfCountsAsStanding() {
        step(60, 0.1 * M, 940 * M); // the rise overshoots before the delay settles
        for (int i = 0; i < 19; i++) {
            step(60 - i, 0.1 * M, 940 * M);
        }
        assertThat(runUntilStanding(100, 35, 0.1 * M, 940 * M)).isEqualTo(21);
        assertThat(detector.standingMs()).isEqualTo(35);
    }

    @Test
    void aDelayThatFallsBelowTheGrowThresholdEndsTheEpisodeAndTheWaitStartsAgain() {
        for (int i = 0; i < 30; i++) {
            step(30, 0.1 * M, 940 * M);
        }
        step(2, 0.1 * M, 940 * M);
        assertThat(detector.inEpisode()).isFalse();
        assertThat(runUntilStanding(100, 30, 0.1 * M, 940 * M)).as("a full standingSec again").isEqualTo(41);
    }

    @Test
    void anEndedEpisodeNeedsAFullStandingTimeAgain() {
        for (int i = 0; i < 30; i++) {
            step(30, 0.1 * M, 940 * M);
        }
        detector.endEpisode(); // a dip ended: the delay was a queue after all
        assertThat(runUntilStanding(100, 30, 0.1 * M, 940 * M)).isEqualTo(41);
    }

    @Test
    void aDelayBetweenTheThresholdsNeitherOpensNorEndsAnEpisode() {
        assertThat(runUntilStanding(100, 9, 0.1 * M, 940 * M)).isEqualTo(-1);
        assertThat(detector.inEpisode()).isFalse();
        step(30, 0.1 * M, 940 * M);
        for (int i = 0; i < 10; i++) {
            step(9, 0.1 * M, 940 * M);
        }
        assertThat(detector.inEpisode()).as("yellow keeps the episode open").isTrue();
    }
}
