package dev.wanctl.core.control;

import static dev.wanctl.core.control.Fixtures.M;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UploadPolicyTest {

    private final UploadPolicy ul = new UploadPolicy(Fixtures.cableUpload());

    @Test
    void uploadIsRedAboveWarnNotAboveHardRed() {
        ul.update(46); // above warn 45, far below hard_red 80
        assertThat(ul.zone()).isEqualTo(Zone.RED);
        assertThat(ul.rateBps()).isEqualTo(34_200_000L); // 38 * 0.90
        ul.update(45);
        assertThat(ul.zone()).isEqualTo(Zone.YELLOW);
        assertThat(ul.rateBps()).isEqualTo(34_200_000L); // YELLOW holds
    }

    @Test
    void uploadIsBoundedOnlyByItsLowestFloor() {
        for (int i = 0; i < 50; i++) {
            ul.update(100);
        }
        assertThat(ul.rateBps()).isEqualTo(8 * M);
        ul.update(0); // GREEN does not lift upload to a green floor
        assertThat(ul.rateBps()).isEqualTo(8 * M);
    }

    @Test
    void uploadStepsUpEveryGreenCycleAfterTheStreak() {
        ul.restore(20 * M, Streaks.NONE);
        long[] expected = {20, 20, 20, 20, 21, 22};
        for (long e : expected) {
            assertThat(ul.update(0)).isEqualTo(e * M);
        }
    }
}
