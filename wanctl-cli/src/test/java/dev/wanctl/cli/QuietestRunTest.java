package dev.wanctl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuietestRunTest {

    private final List<String> notes = new ArrayList<>();

    private QuietestRun.Measured<String> measure(int retries, double... noiseMs) throws Exception {
        return QuietestRun.measure(retries, 5, attempt -> new QuietestRun.Measured<>("run " + attempt, noiseMs[attempt]),
                notes::add);
    }

    @Test
    void aQuietRunIsScoredAsItIs() throws Exception {
        assertThat(measure(1, 1.4, 0.3).result()).isEqualTo("run 0");
        assertThat(notes).isEmpty();
    }

    @Test
    void aNoisyRunIsMeasuredAgainAndTheQuieterScored() throws Exception {
        QuietestRun.Measured<String> m = measure(1, 12.2, 1.4);
        assertThat(m.result()).isEqualTo("run 1");
        assertThat(m.noiseMs()).isEqualTo(1.4);
        assertThat(notes).singleElement().asString().contains("12.2 ms p99, above 5.0 ms", "measuring once more");
    }

    @Test
    void whenEveryRetryIsNoisyTheQuietestIsScoredAndSaidSo() throws Exception {
        assertThat(measure(2, 30, 9, 11).result()).isEqualTo("run 1");
        assertThat(notes).hasSize(3).last().asString().contains("no retry left, scoring the quietest run");
    }

    @Test
    void aRunWithNoIdleSecondCannotBeJudgedNoisyAndIsScored() throws Exception {
        assertThat(measure(1, Double.NaN, 0.1).result()).isEqualTo("run 0");
    }

    @Test
    void noRetriesMeansOneRun() throws Exception {
        assertThat(measure(0, 40).result()).isEqualTo("run 0");
        assertThat(notes).singleElement().asString().contains("no retry left");
    }

    @Test
    void aNegativeRetryCountOrNoLimitIsRefused() {
        assertThatThrownBy(() -> measure(-1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("retries must be >= 0");
        assertThatThrownBy(() -> QuietestRun.measure(1, 0, a -> null, notes::add))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noise limit > 0 ms");
    }
}
