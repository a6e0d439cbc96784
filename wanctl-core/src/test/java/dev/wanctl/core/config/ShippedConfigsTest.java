package dev.wanctl.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example configs in configs/ load without errors or warnings (secrets provided). */
class ShippedConfigsTest {

    private static final Path CONFIGS = Path.of("..", "configs");

    @Test
    void spectrumLoadsCleanlyWithTimeConstants() {
        Loaded<AutorateConfig> l = ConfigLoader.loadAutorate(CONFIGS.resolve("spectrum.yaml"), ReferenceConfigsTest.ENV);
        assertThat(l.errors()).isEmpty();
        assertThat(l.warnings()).isEmpty();
        assertThat(l.config().control().download().greenRequired()).isEqualTo(5);
        assertThat(l.config().probe().spareHosts()).hasSize(2);
    }

    @Test
    void attLoadsCleanlyInTheLegacyForm() {
        Loaded<AutorateConfig> l = ConfigLoader.loadAutorate(CONFIGS.resolve("att.yaml"), ReferenceConfigsTest.ENV);
        assertThat(l.errors()).isEmpty();
        assertThat(l.warnings()).isEmpty();
        assertThat(l.config().control().download().floorRedBps()).isEqualTo(25_000_000L);
    }

    @Test
    void steeringLoadsCleanly() {
        Loaded<SteeringConfig> l = ConfigLoader.loadSteering(CONFIGS.resolve("steering.yaml"), ReferenceConfigsTest.ENV);
        assertThat(l.errors()).isEmpty();
        assertThat(l.warnings()).isEmpty();
        assertThat(l.config().thresholds().redSamplesRequired()).isEqualTo(40);
        assertThat(l.config().thresholds().greenSamplesRequired()).isEqualTo(600);
        assertThat(l.config().cakeStatsInterval()).hasMillis(250);
    }
}
