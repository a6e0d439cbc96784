package dev.wanctl.steering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HistoryTest {

    @Test
    void keepsOnlyTheNewestValuesOldestFirst() {
        History h = new History(3);
        for (int i = 1; i <= 5; i++) {
            h.add(i);
        }

        assertThat(h.size()).isEqualTo(3);
        assertThat(new double[] {h.get(0), h.get(1), h.get(2)}).containsExactly(3, 4, 5);
        assertThat(h.last()).isEqualTo(5);
    }
}
