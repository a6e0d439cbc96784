package dev.wanctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.daemon.ExitStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SteeringCommandTest {

    private static final Path CONFIGS = Path.of("..", "configs");

    @Test
    void invalidConfigExits78BeforeTouchingTheRouter(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("steering.yaml");
        Files.writeString(bad, Files.readString(CONFIGS.resolve("steering.yaml"))
                .replace("  comment: \"ADAPTIVE: Steer latency-sensitive to ATT\"   # matched exactly\n", ""));

        assertThat(CliRunner.run("steering", "--config", bad.toString()).exitCode()).isEqualTo(ExitStatus.CONFIG);
    }

    @Test
    void missingConfigFileExits78() {
        assertThat(CliRunner.run("steering", "--config", "/nonexistent/steering.yaml").exitCode())
                .isEqualTo(ExitStatus.CONFIG);
    }

    @Test
    void resetAndDryRunTogetherAreAUsageError() {
        CliRunner.Result r = CliRunner.run("steering", "--config", CONFIGS.resolve("steering.yaml").toString(),
                "--reset", "--dry-run");

        assertThat(r.exitCode()).isEqualTo(ExitStatus.USAGE);
        assertThat(r.err()).contains("--reset and --dry-run do not go together");
    }

    @Test
    void steeringIsAmongTheCommandsWithItsOptions() {
        CliRunner.Result r = CliRunner.run("help", "steering");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--config=FILE", "--dry-run", "--reset", "--debug", "--log-format");
    }
}
