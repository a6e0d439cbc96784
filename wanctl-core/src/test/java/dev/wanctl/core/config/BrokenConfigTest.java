package dev.wanctl.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken config gets one message per problem, each naming the key, its line and what is allowed. */
class BrokenConfigTest {

    private static Loaded<AutorateConfig> load(String yaml) {
        return ConfigLoader.parseAutorate(yaml, Path.of("broken.yaml"), ReferenceConfigsTest.ENV);
    }

    private static String cable() throws IOException {
        return ReferenceConfigsTest.resource("cable.yaml");
    }

    private static List<String> messages(List<ConfigProblem> ps) {
        return ps.stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void everyProblemIsReportedAtOnceWithPathLineValueAndWhatIsAllowed() throws IOException {
        String yaml = cable()
                .replace("  host: \"192.168.1.1\"\n", "")                       // missing router host
                .replace("port: 443", "port: \"https\"")                       // wrong type
                .replace("floor_red_mbps: 200", "floor_red_mbps: 400")         // floor above the soft-red floor
                .replace("warn_bloat_ms: 45", "warn_bloat_ms: 10")             // thresholds out of order
                .replace("  download:\n    floor_green", "  downlaod_extra: 1\n  download:\n    floor_green");
        Loaded<AutorateConfig> l = load(yaml);
        assertThat(l.ok()).isFalse();
        assertThat(messages(l.errors())).containsExactlyInAnyOrder(
                "router.host (line 4): missing; required with transport rest: the router's address (an IPv4 or IPv6"
                        + " address or a host name)",
                "router.port (line 9): must be an integer from 1 to 65535, got \"https\"",
                "continuous_monitoring.download.floor_red_mbps (line 22): must be <= floor_soft_red_mbps (275), got 400",
                "continuous_monitoring.thresholds.warn_bloat_ms (line 33): must be greater than target_bloat_ms (15),"
                        + " got 10");
        assertThat(messages(l.warnings())).contains(
                "continuous_monitoring.downlaod_extra (line 17): unknown key, ignored");
    }

    @Test
    void unknownKeysAreWarningsWithADidYouMean() throws IOException {
        Loaded<AutorateConfig> l = load(cable().replace("use_median_of_three: true", "use_median_of_tree: true"));
        assertThat(l.ok()).isTrue();
        assertThat(messages(l.warnings())).contains(
                "continuous_monitoring.use_median_of_tree (line 38): unknown key, ignored; did you mean"
                        + " \"use_median_of_three\"?");
    }

    @Test
    void laterReferenceFeaturesAreIgnoredWithAnExplanation() throws IOException {
        Loaded<AutorateConfig> l = load(cable() + "irtt:\n  enabled: true\n");
        assertThat(l.ok()).isTrue();
        assertThat(messages(l.warnings())).anyMatch(m -> m.startsWith("irtt (line 48): irtt is a feature of later"));
    }

    @Test
    void floorAboveTheCeilingIsAnError() throws IOException {
        Loaded<AutorateConfig> l = load(cable().replace("floor_green_mbps: 550", "floor_green_mbps: 990"));
        assertThat(messages(l.errors())).contains(
                "continuous_monitoring.download.floor_green_mbps (line 19): must be <= ceiling_mbps (940), got 990");
    }

    @Test
    void bothFloorFormsInOneSectionIsAnError() throws IOException {
        Loaded<AutorateConfig> l = load(cable().replace("floor_red_mbps: 200", "floor_red_mbps: 200\n    floor_mbps: 100"));
        assertThat(messages(l.errors())).anyMatch(m -> m.contains("floor_mbps") && m.contains("not both"));
    }

    @Test
    void withoutAlphaOrTimeConstantTheLoaderSaysWhatToSet() throws IOException {
        Loaded<AutorateConfig> l = load(cable().replace("    alpha_load: 0.20\n", ""));
        assertThat(messages(l.errors())).anyMatch(m -> m.startsWith("continuous_monitoring.thresholds.load_time_constant_sec")
                && m.contains("set load_time_constant_sec (recommended) or the per-cycle alpha_load"));
    }

    @Test
    void syntaxErrorsNameTheLine() {
        Loaded<AutorateConfig> l = load("wan_name: x\nrouter: [\n");
        assertThat(l.ok()).isFalse();
        assertThat(l.errors().getFirst().line()).isPositive();
        assertThat(l.errors().getFirst().message()).startsWith("not valid YAML");
    }

    @Test
    void duplicateKeysAreErrors() throws IOException {
        Loaded<AutorateConfig> l = load(cable().replace("wan_name: \"cable\"", "wan_name: \"cable\"\nwan_name: \"x\""));
        assertThat(messages(l.errors())).anyMatch(m -> m.startsWith("wan_name (line 4): duplicate key (also on line 3)"));
    }

    @Test
    void linuxCakeTransportIsExplained() throws IOException {
        Loaded<AutorateConfig> l = load(cable().replace("transport: \"rest\"", "transport: \"linux-cake\""));
        assertThat(messages(l.errors())).anyMatch(m -> m.contains("CAKE on this Linux host is linux-tc"));
    }

    @Test
    void passwordComesFromTheEnvironmentOrASystemdCredential(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("ROUTER_PASSWORD"), "from-credential\n");
        ConfigLoader.Options creds = new ConfigLoader.Options(
                new ConfigEnvironment(Map.of("CREDENTIALS_DIRECTORY", dir.toString())), true);
        AutorateConfig c = ConfigLoader.parseAutorate(cable(), Path.of("c"), creds).config();
        assertThat(c.router().password().reveal()).isEqualTo("from-credential");
        assertThat(c.router().password().toString()).doesNotContain("from-credential");
    }

    @Test
    void missingSecretIsAnErrorForADaemonAndAWarningForACheck() throws IOException {
        ConfigEnvironment empty = new ConfigEnvironment(Map.of());
        Loaded<AutorateConfig> daemon = ConfigLoader.parseAutorate(cable(), Path.of("c"),
                new ConfigLoader.Options(empty, true));
        Loaded<AutorateConfig> check = ConfigLoader.parseAutorate(cable(), Path.of("c"),
                new ConfigLoader.Options(empty, false));
        assertThat(messages(daemon.errors())).anyMatch(m -> m.startsWith("router.password (line 9): ${ROUTER_PASSWORD} is not set"));
        assertThat(check.ok()).isTrue();
        assertThat(messages(check.warnings())).anyMatch(m -> m.contains("${ROUTER_PASSWORD} is not set"));
    }

    @Test
    void passwordFileIsRead(@TempDir Path dir) throws IOException {
        Path pw = dir.resolve("pw");
        Files.writeString(pw, "filed\n");
        AutorateConfig c = load(cable().replace("password: \"${ROUTER_PASSWORD}\"", "password_file: \"" + pw + "\""))
                .config();
        assertThat(c.router().password().reveal()).isEqualTo("filed");
    }

    @Test
    void intervalOutsideItsRangeIsAnError() throws IOException {
        Loaded<AutorateConfig> l = load(cable().replace("  enabled: true\n", "  enabled: true\n  interval_ms: 5\n"));
        assertThat(messages(l.errors())).contains(
                "continuous_monitoring.interval_ms (line 17): must be an integer from 10 to 2000, got 5");
    }
}
