package dev.wanctl.core.config;

import dev.wanctl.core.probe.HostPort;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.control.DownloadParams;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Configs in the reference implementation's form load unchanged and mean what they meant there. */
class ReferenceConfigsTest {

    static final ConfigLoader.Options ENV = new ConfigLoader.Options(
            new ConfigEnvironment(Map.of("ROUTER_PASSWORD", "s3cret")), true);

    static String resource(String name) throws IOException {
        try (InputStream in = ReferenceConfigsTest.class.getResourceAsStream("/reference-configs/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Loaded<AutorateConfig> autorate(String name) throws IOException {
        return ConfigLoader.parseAutorate(resource(name), Path.of(name), ENV);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cable.yaml", "dsl.yaml", "fiber.yaml", "wan1.yaml", "wan2.yaml"})
    void everyReferenceAutorateExampleLoads(String name) throws IOException {
        Loaded<AutorateConfig> l = autorate(name);
        assertThat(l.errors()).isEmpty();
        assertThat(l.ok()).isTrue();
        assertThat(l.warnings()).noneMatch(w -> w.message().contains("unknown key"));
    }

    @Test
    void referenceSteeringExampleLoads() throws IOException {
        Loaded<SteeringConfig> l = ConfigLoader.parseSteering(resource("steering.yaml"), Path.of("steering.yaml"), ENV);
        assertThat(l.errors()).isEmpty();
        SteeringConfig s = l.config();
        assertThat(s.goodStateName()).isEqualTo("WAN1_GOOD");
        assertThat(s.mangleComment()).isEqualTo("ADAPTIVE: Steer latency-sensitive to WAN2");
        assertThat(s.thresholds().redSamplesRequired()).isEqualTo(2);
        assertThat(s.thresholds().greenSamplesRequired()).isEqualTo(15);
        assertThat(s.probe().hosts()).containsExactly("1.1.1.1");
        assertThat(s.interval()).hasSeconds(2);
        assertThat(s.primaryStateFile()).isEqualTo(Path.of("/run/wanctl/wan1_state.json"));
    }

    @Test
    void cableExampleMeansWhatItMeantInTheReference() throws IOException {
        AutorateConfig c = autorate("cable.yaml").config();
        DownloadParams dl = c.control().download();
        assertThat(dl.floorGreenBps()).isEqualTo(550_000_000L);
        assertThat(dl.floorSoftRedBps()).isEqualTo(275_000_000L);
        assertThat(dl.ceilingBps()).isEqualTo(940_000_000L);
        assertThat(dl.greenRequired()).isEqualTo(5);
        assertThat(dl.softRedRequired()).isEqualTo(3);
        assertThat(dl.factorDownYellow()).isEqualTo(1.0);
        assertThat(dl.hysteresis().dwellCycles()).isZero();
        assertThat(c.control().upload().floorBps()).isEqualTo(8_000_000L);
        // legacy alphas are applied per cycle, unchanged
        assertThat(c.control().rtt().baselineAlpha()).isEqualTo(0.02);
        assertThat(c.control().rtt().loadAlpha()).isEqualTo(0.20);
        assertThat(c.interval()).hasMillis(50);
        assertThat(c.router().password().reveal()).isEqualTo("s3cret");
        assertThat(c.router().scheme()).isEqualTo(RouterConfig.Scheme.HTTPS);
        assertThat(c.stateFile()).isEqualTo(Path.of("/var/lib/wanctl/cable_state.json"));
        assertThat(c.probe().medianOfThree()).isTrue();
        assertThat(c.probe().maxSampleAge()).hasMillis(100);
        assertThat(c.rateLimit().maxChanges()).isEqualTo(5);
    }

    @Test
    void legacySingleFloorAppliesToEveryZone() throws IOException {
        DownloadParams dl = autorate("dsl.yaml").config().control().download();
        assertThat(dl.floorGreenBps()).isEqualTo(25_000_000L);
        assertThat(dl.floorYellowBps()).isEqualTo(25_000_000L);
        assertThat(dl.floorRedBps()).isEqualTo(25_000_000L);
        assertThat(dl.thresholds().hardRedMs()).isEqualTo(80); // default
        assertThat(autorate("dsl.yaml").config().control().upload().stepUpBps()).isEqualTo(500_000L);
    }

    @Test
    void fiberBaselineBelowTheOldBoundsLoadsWithTheNewDefaultBounds() throws IOException {
        AutorateConfig c = autorate("fiber.yaml").config();
        assertThat(c.control().rtt().initialRttMs()).isEqualTo(8);
        assertThat(c.router().transport()).isEqualTo(RouterConfig.Transport.SSH);
    }

    @Test
    void yaml11BooleansAndUploadPerZoneFloorsAreAccepted() throws IOException {
        AutorateConfig c = autorate("wan2.yaml").config();
        assertThat(c.router().verifySsl()).isFalse();
        assertThat(c.control().upload().floorBps()).isEqualTo(5_000_000L); // only the lowest floor applies
        assertThat(c.fallback().mode()).isEqualTo(dev.wanctl.core.control.FallbackPolicy.Mode.FREEZE);
        assertThat(c.fallback().tcpTargets()).extracting(HostPort::toString).containsExactly("1.1.1.1:443",
                "8.8.8.8:443");
    }

    @Test
    void timeConstantsBecomeAlphasAtTheConfiguredInterval() throws IOException {
        AutorateConfig c = autorate("wan1.yaml").config();
        assertThat(c.control().rtt().loadAlpha()).isCloseTo(1 - Math.exp(-0.05 / 0.25), org.assertj.core.api.Assertions.within(1e-12));
        String at250 = resource("wan1.yaml").replace("  enabled: true\n", "  enabled: true\n  interval_ms: 250\n");
        AutorateConfig slow = ConfigLoader.parseAutorate(at250, Path.of("wan1.yaml"), ENV).config();
        assertThat(slow.control().rtt().loadAlpha()).isCloseTo(1 - Math.exp(-0.25 / 0.25), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(slow.probe().maxSampleAge()).hasMillis(500);
    }

    @Test
    void sustainSecondsScaleWithTheInterval() throws IOException {
        String base = resource("wan1.yaml").replace("    factor_down: 0.85\n",
                "    factor_down: 0.85\n    green_sustain_sec: 0.5\n");
        AutorateConfig at50 = ConfigLoader.parseAutorate(base, Path.of("a"), ENV).config();
        AutorateConfig at250 = ConfigLoader.parseAutorate(
                base.replace("  enabled: true\n", "  enabled: true\n  interval_ms: 250\n"), Path.of("a"), ENV).config();
        assertThat(at50.control().download().greenRequired()).isEqualTo(10);
        assertThat(at250.control().download().greenRequired()).isEqualTo(2);
    }
}
