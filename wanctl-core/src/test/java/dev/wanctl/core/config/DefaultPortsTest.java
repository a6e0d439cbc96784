package dev.wanctl.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shipped configs run together on one host without a port given (issue: two WANs clashed on 9101). */
class DefaultPortsTest {

    private static final Path CONFIGS = Path.of("..", "configs");

    @Test
    void twoWansAndSteeringAsShippedListenOnDistinctPortsNoneOfThemNodeExporters() {
        AutorateConfig spectrum = ConfigLoader.loadAutorate(CONFIGS.resolve("spectrum.yaml"), ReferenceConfigsTest.ENV)
                .config();
        AutorateConfig att = ConfigLoader.loadAutorate(CONFIGS.resolve("att.yaml"), ReferenceConfigsTest.ENV).config();
        SteeringConfig steering = ConfigLoader.loadSteering(CONFIGS.resolve("steering.yaml"), ReferenceConfigsTest.ENV)
                .config();
        List<Integer> ports = Stream.of(spectrum.health(), spectrum.metrics(), att.health(), att.metrics(),
                steering.health(), steering.metrics()).map(EndpointConfig::port).toList();
        assertThat(ports).doesNotHaveDuplicates().doesNotContain(9100);
        assertThat(spectrum.health().port()).isEqualTo(9120);
        assertThat(att.health().port()).isEqualTo(9164);
        assertThat(steering.health().port()).isEqualTo(9102);
        assertThat(steering.metrics().port()).isEqualTo(9103);
    }

    /** configs/spectrum.yaml with its health_check and metrics section headers replaced. */
    private static String spectrumWith(String health, String metrics) {
        try {
            String yaml = java.nio.file.Files.readString(CONFIGS.resolve("spectrum.yaml"));
            assertThat(yaml).contains("\nhealth_check:", "\nmetrics:");
            return yaml.replaceFirst("\nhealth_check:[^\n]*", "\n" + health).replaceFirst("\nmetrics:[^\n]*", "\n" + metrics);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aPortTheConfigGivesWinsOverTheDerivedDefault() {
        String yaml = spectrumWith("health_check:\n  port: 9555", "metrics:");
        AutorateConfig c = ConfigLoader.parseAutorate(yaml, Path.of("x.yaml"), ReferenceConfigsTest.ENV).config();
        assertThat(c.health().port()).isEqualTo(9555);
        assertThat(c.metrics().port()).isEqualTo(DefaultPorts.autorateMetrics("spectrum"));
    }

    @Test
    void healthAndMetricsOnOnePortIsAnErrorNamingBothLines() {
        String yaml = spectrumWith("health_check:\n  port: 9555", "metrics:\n  port: 9555")
                .replace("  enabled: false\n  host: 127.0.0.1", "  enabled: true\n  host: 127.0.0.1");
        Loaded<AutorateConfig> l = ConfigLoader.parseAutorate(yaml, Path.of("x.yaml"), ReferenceConfigsTest.ENV);
        assertThat(l.ok()).isFalse();
        assertThat(l.errors()).singleElement().asString()
                .contains("metrics.port", "health_check.port are both 9555", "line ");
    }
}
