package dev.wanctl.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.sim.scorecard.Scorecard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerControllersTest {

    /** A 100/20 Mbit/s line dropping to 40 % under a download, on the testbed's config. */
    private static Scenario drop(Path config) {
        return ScenarioLoader.parse("drop.yaml", """
                name: drop
                config: %s
                duration: 40s
                download: {capacity: {generator: dips, nominal_mbps: 100, jitter: 0, dips: [{at: 15s, for: 15s, fraction: 0.4}]}}
                upload: {capacity: {generator: constant, mbps: 20}}
                reflectors: [{name: r1, base_ms: 21}, {name: r2, base_ms: 21}, {name: r3, base_ms: 21}]
                traffic:
                  - {kind: bulk, at: 5s, for: 35s, direction: down}
                """.formatted(config), null);
    }

    private static Path testbedConfig() {
        Path p = Path.of("../scripts/testbed/cable-100-20.yaml");
        assertThat(p).exists();
        return p.toAbsolutePath();
    }

    @Test
    void everyControllerIsOfferedUnderItsName() {
        assertThat(Controllers.available()).extracting(NamedController::name)
                .containsExactly("wanctl", "reference", "cake-autorate", "none", "static", "oracle");
    }

    @Test
    void theScenarioTakesItsCeilingsAndFloorsFromTheConfigItNames() {
        Scenario s = drop(testbedConfig());
        assertThat(s.download().ceilingBps()).isEqualTo(100_000_000);
        assertThat(s.download().floorBps()).as("the lowest download floor").isEqualTo(16_000_000);
        assertThat(s.upload().ceilingBps()).isEqualTo(20_000_000);
        assertThat(s.upload().floorBps()).isEqualTo(4_000_000);
        assertThat(s.thresholds().targetMs()).isEqualTo(15);
        assertThat(Simulation.run(s.with(null, 1_000L), Controllers.select("none").get(0), true).recordingMetadata())
                .as("the plot's threshold lines are the config's").containsEntry("target_bloat_ms", "15");
    }

    @Test
    void anotherConfigBringsItsOwnBounds(@TempDir Path dir) throws IOException {
        Path tighter = dir.resolve("tighter.yaml");
        Files.writeString(tighter, Files.readString(testbedConfig()).replace("ceiling_mbps: 100", "ceiling_mbps: 80"));
        Scenario s = drop(testbedConfig()).withConfig(tighter.toString());
        assertThat(s.download().ceilingBps()).isEqualTo(80_000_000);
        NamedController stat = Controllers.select("static").get(0);
        double tight = Simulation.run(s, stat, false).scorecard().download().throughputFraction();
        double wide = Simulation.run(drop(testbedConfig()), stat, false).scorecard().download().throughputFraction();
        assertThat(tight).as("static at 90 % of the new ceiling, 72 instead of 90 Mbit/s").isLessThan(wide - 0.05);
    }

    @Test
    void theReferenceControllerRunsTheConfigOnTheReferenceLaw(@TempDir Path dir) throws IOException {
        Path adaptive = dir.resolve("adaptive.yaml");
        Files.writeString(adaptive, Files.readString(testbedConfig())
                .replace("continuous_monitoring:\n", "continuous_monitoring:\n  law: adaptive\n"));
        AutorateConfig c = ScenarioConfigs.autorate("t", adaptive.toString());
        assertThat(c.control().lawName()).isEqualTo("adaptive");
        AutorateConfig ref = ScenarioConfigs.referenceLaw(c);
        assertThat(ref.control().lawName()).isEqualTo("reference");
        assertThat(ref.control().download()).isEqualTo(c.control().download());
        assertThat(ref.rateLimit()).isEqualTo(c.rateLimit());

        Scenario s = drop(adaptive);
        Scorecard reference = Simulation.run(s, Controllers.select("reference").get(0), false).scorecard();
        Scorecard onReferenceConfig = Simulation.run(drop(testbedConfig()), Controllers.select("wanctl").get(0), false)
                .scorecard();
        assertThat(reference.download()).isEqualTo(onReferenceConfig.download());
    }

    @Test
    void cakeAutorateFollowsTheDropAndWritesThroughTheRouterLikeWanctl() {
        Scenario s = drop(testbedConfig());
        Scorecard peer = Simulation.run(s, Controllers.select("cake-autorate").get(0), false).scorecard();
        Scorecard none = Simulation.run(s, Controllers.select("none").get(0), false).scorecard();
        assertThat(peer.download().routerWritesPerMinute()).isGreaterThan(10);
        assertThat(peer.download().latencyP99Ms()).isLessThan(none.download().latencyP99Ms() / 2);
        assertThat(peer.download().throughputFraction()).isGreaterThan(0.6);
        assertThat(peer.download().reactionMedianSeconds()).isLessThan(10);
    }

    @Test
    void cakeAutorateRepeatsExactlyForASeed() {
        Scenario s = drop(testbedConfig());
        NamedController c = Controllers.select("cake-autorate").get(0);
        assertThat(Simulation.run(s, c, false).scorecard()).isEqualTo(Simulation.run(s, c, false).scorecard());
    }
}
