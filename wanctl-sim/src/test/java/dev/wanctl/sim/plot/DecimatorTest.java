package dev.wanctl.sim.plot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecimatorTest {

    @Test
    void aStateSampledLessOftenThanThereAreColumnsHoldsUntilTheNextSample() {
        // 4 samples over 12 columns: without holding, 8 columns would be empty (stripes)
        double[] t = {0, 3, 6, 9};
        double[] v = {1, 1, 0, 2};
        Decimator.Columns held = Decimator.aggregate(t, v, 0, 12, 12).held();
        double[] expected = {1, 1, 1, 1, 1, 1, 0, 0, 0, 2, 2, 2};
        for (int c = 0; c < expected.length; c++) {
            assertThat(held.has(c)).as("column %d", c).isTrue();
            assertThat(held.max()[c]).as("column %d", c).isEqualTo(expected[c]);
        }
    }

    @Test
    void holdingKeepsGapsOfUnknownSamplesEmpty() {
        double[] t = {0, 1, 2, 3};
        double[] v = {1, Double.NaN, Double.NaN, 1};
        Decimator.Columns held = Decimator.aggregate(t, v, 0, 4, 4).held();
        assertThat(held.has(1)).isFalse();
        assertThat(held.has(2)).isFalse();
        assertThat(held.has(3)).isTrue();
    }
}
