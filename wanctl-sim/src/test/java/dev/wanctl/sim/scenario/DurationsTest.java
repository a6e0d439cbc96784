package dev.wanctl.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsTheUnitsPeopleWrite() {
        assertThat(Durations.parseMillis("500ms")).isEqualTo(500);
        assertThat(Durations.parseMillis("90s")).isEqualTo(90_000);
        assertThat(Durations.parseMillis("10m")).isEqualTo(600_000);
        assertThat(Durations.parseMillis("1.5h")).isEqualTo(5_400_000);
        assertThat(Durations.parseMillis("4m30s")).isEqualTo(270_000);
        assertThat(Durations.parseMillis("1h30m")).isEqualTo(5_400_000);
        assertThat(Durations.parseMillis("45")).isEqualTo(45_000);
    }

    @Test
    void rejectsWhatIsNotADuration() {
        for (String bad : new String[] {"", "soon", "10x", "m10", "-5s", "10m soon"}) {
            assertThatThrownBy(() -> Durations.parseMillis(bad)).as(bad).hasMessageContaining("not a duration");
        }
    }

    @Test
    void formatsShortForms() {
        assertThat(Durations.format(3_600_000)).isEqualTo("1h");
        assertThat(Durations.format(600_000)).isEqualTo("10m");
        assertThat(Durations.format(90_000)).isEqualTo("90s");
        assertThat(Durations.format(250)).isEqualTo("250ms");
    }
}
