package dev.wanctl.routeros;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.config.ConfigLoader;
import dev.wanctl.core.config.Loaded;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouterCheckTargetTest {

    private static final Path CONFIGS = Path.of("..", "configs");

    @Test
    void anAutorateConfigChecksItsTwoQueuesAndNoRule() {
        Loaded<RouterCheckTarget> t = RouterCheckTarget.load(CONFIGS.resolve("spectrum.yaml"),
                ConfigLoader.Options.check());

        assertThat(t.errors()).isEmpty();
        assertThat(t.config().queues()).containsExactly("WAN-Download-Spectrum", "WAN-Upload-Spectrum");
        assertThat(t.config().ruleComment()).isNull();
        assertThat(t.config().router().host()).isEqualTo("192.168.88.1");
    }

    @Test
    void aSteeringConfigChecksThePrimaryQueuesAndItsRule() {
        Loaded<RouterCheckTarget> t = RouterCheckTarget.load(CONFIGS.resolve("steering.yaml"),
                ConfigLoader.Options.check());

        assertThat(t.errors()).isEmpty();
        assertThat(t.config().queues()).contains("WAN-Download-Spectrum");
        assertThat(t.config().ruleComment()).isNotBlank();
    }

    @Test
    void aBrokenConfigGivesItsProblemsAndNoTarget(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.yaml"),
                "wan_name: x\nrouter:\n  transport: carrier-pigeon\n");

        Loaded<RouterCheckTarget> t = RouterCheckTarget.load(broken, ConfigLoader.Options.check());

        assertThat(t.ok()).isFalse();
        assertThat(t.errors()).isNotEmpty();
        assertThat(RouterCheckResult.invalidConfig(broken.toString(),
                t.errors().stream().map(Object::toString).toList()).exitCode()).isEqualTo(78);
    }

    @Test
    void aBrokenConfigIsReportedAsTheConfigNotAsARouterOrATransport(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "wan_name: x\nrouter:\n  host: 127.0.0.1\n");
        Loaded<RouterCheckTarget> t = RouterCheckTarget.load(broken, ConfigLoader.Options.check());

        RouterCheckResult r = RouterCheckResult.invalidConfig(broken.toString(),
                t.errors().stream().map(Object::toString).toList());

        assertThat(r.toText()).startsWith("config " + broken + ": invalid, no router checked\n")
                .doesNotContain("router " + broken).doesNotContain(" via -");
        assertThat(r.toJson()).contains("\"config\":\"" + broken.toString().replace("\\", "\\\\") + "\"")
                .contains("\"router\":null").contains("\"transport\":null").contains("\"exit_code\":78");
    }
}
