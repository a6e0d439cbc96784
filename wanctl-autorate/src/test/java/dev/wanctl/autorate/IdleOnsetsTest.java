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
    void activityBetweenRisesEndsTheSpacing() {
        onsets.allow(0, false);
        onsets.allow(1 * S, false);
        onsets.allow(2 * S, false);
        assertThat(onsets.allow(3 * S, false)).isFalse();
        onsets.sample(true); // a load came (the idle cadence read it)
        onsets.sample(false);
        assertThat(onsets.allow(4 * S, false)).isTrue();
        assertThat(onsets.allow(5 * S, false)).as("the quiet count starts again").isTrue();
    }

    @Test
    void aRiseThatALoadFollowedDoesNotCountAsQuiet() {
        onsets.allow(0, false);
        onsets.sample(true); // the rise was a load starting
        onsets.allow(2 * S, false);
        onsets.allow(3 * S, false);
        assertThat(onsets.allow(4 * S, false)).as("only one quiet rise in a row so far").isTrue();
    }
}
