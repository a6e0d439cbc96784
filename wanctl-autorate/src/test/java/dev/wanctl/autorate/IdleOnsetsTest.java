package dev.wanctl.autorate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdleOnsetsTest {

    private static final long S = 1_000_000_000L;
    private final IdleOnsets onsets = new IdleOnsets(10 * S);

    @Test
    void theFirstIdleRisesAreReadAsIfTheyWereALoadStarting() {
        assertThat(onsets.allow(0, false)).isTrue();
        assertThat(onsets.allow(2 * S, false)).isTrue();
    }

    @Test
    void afterTwoIdleRisesThatFoundNothingTheNextWaitsTheSpacing() {
        onsets.allow(0, false);
        onsets.allow(2 * S, false);
        assertThat(onsets.allow(4 * S, false)).as("third rise, 2 s after the last read one").isTrue();
        assertThat(onsets.allow(6 * S, false)).as("two quiet rises in a row: spaced").isFalse();
        assertThat(onsets.allow(13 * S, false)).as("still within 10 s of the last read rise").isFalse();
        assertThat(onsets.allow(14 * S, false)).as("10 s after it").isTrue();
    }

    @Test
    void aRiseWhileADirectionIsActiveIsAlwaysRead() {
        onsets.allow(0, false);
        onsets.allow(1 * S, false);
        onsets.allow(2 * S, false);
        assertThat(onsets.allow(3 * S, true)).isTrue();
    }

    @Test
    void aLoadLongAfterARiseDoesNotEndTheSpacing() {
        onsets.allow(0, false);
        onsets.allow(1 * S, false);
        onsets.allow(2 * S, false);
        onsets.sample(4 * S, true); // a web page 2 s after the last read rise: not what the rise was
        onsets.sample(5 * S, false);
        assertThat(onsets.allow(6 * S, false)).isFalse();
        assertThat(onsets.delayIsQuiet(6 * S)).as("delay alone keeps the idle cadence").isTrue();
    }

    @Test
    void aRiseThatALoadFollowedDoesNotCountAsQuiet() {
        onsets.allow(0, false);
        onsets.sample(S / 2, true); // the rise was a load starting
        onsets.allow(2 * S, false);
        onsets.allow(3 * S, false);
        assertThat(onsets.allow(4 * S, false)).as("only one quiet rise in a row so far").isTrue();
    }

    @Test
    void aRiseThatFindsALoadStartsTheQuietCountAgain() {
        onsets.allow(0, false);
        onsets.allow(1 * S, false);
        onsets.allow(2 * S, false);
        assertThat(onsets.delayIsQuiet(3 * S)).isTrue();
        assertThat(onsets.allow(12 * S, false)).as("the spacing has passed").isTrue();
        onsets.sample(12 * S + S / 2, true); // its reads found a load
        assertThat(onsets.allow(14 * S, false)).isTrue();
        assertThat(onsets.delayIsQuiet(14 * S)).isFalse();
        assertThat(onsets.allow(15 * S, false)).as("the quiet count starts again").isTrue();
    }

    @Test
    void delayAloneGetsTheLoadedCadenceUntilTheRisesHaveBeenFoundQuiet() {
        onsets.allow(0, false);
        assertThat(onsets.delayIsQuiet(S)).isFalse();
        onsets.allow(2 * S, false);
        assertThat(onsets.delayIsQuiet(3 * S)).isFalse();
        onsets.allow(4 * S, false);
        assertThat(onsets.delayIsQuiet(5 * S)).isTrue();
        assertThat(onsets.delayIsQuiet(14 * S)).as("10 s after the last read rise").isFalse();
    }
}
