package dev.wanctl.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class VirtualClockTest {

    @Test
    void timeMovesOnlyWhenAdvancedAndWallClockFollows() {
        VirtualClock clock = new VirtualClock(1_000L);
        assertThat(clock.nanoTime()).isZero();
        clock.advance(Duration.ofMillis(50));
        assertThat(clock.nanoTime()).isEqualTo(50_000_000L);
        assertThat(clock.wallMillis()).isEqualTo(1_050L);
    }

    @Test
    void timeNeverGoesBack() {
        VirtualClock clock = new VirtualClock();
        clock.advanceTo(100);
        clock.advanceTo(10);
        assertThat(clock.nanoTime()).isEqualTo(100);
        assertThatThrownBy(() -> clock.advanceNanos(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
