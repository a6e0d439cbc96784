package dev.wanctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.daemon.ExitStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckConfigCommandTest {

    private static final Path CONFIGS = Path.of("..", "configs");

    @Test
    void theShippedConfigsAreValidAndSummarised() {
        CliRunner.Result r = CliRunner.run("check-config", CONFIGS.resolve("spectrum.yaml").toString(),
                CONFIGS.resolve("att.yaml").toString(), CONFIGS.resolve("steering.yaml").toString());
        assertThat(r.exitCode()).isEqualTo(ExitStatus.OK);
        assertThat(r.out()).contains("spectrum.yaml: valid autorate config", "steering.yaml: valid steering config",
                "Download:     floors GREEN ", "; ceiling 940M; step ",
                "Thresholds:   GREEN->YELLOW 15 ms, YELLOW->SOFT_RED 45 ms, SOFT_RED->RED 80 ms",
                "Reflectors:   1.1.1.1, 9.9.9.9, 208.67.222.222 (median)",
                "EWMA:         baseline alpha 0.001000 (time constant 50.00 s)");
    }

    @Test
    void twoConfigsOnOnePortAreAClashNamingBothFilesAndLines(@TempDir Path dir) throws IOException {
        Path spectrum = dir.resolve("spectrum.yaml");
        Files.writeString(spectrum, Files.readString(CONFIGS.resolve("spectrum.yaml"))
                .replaceFirst("\nhealth_check:[^\n]*", "\nhealth_check:\n  port: 9102"));
        CliRunner.Result r = CliRunner.run("check-config", spectrum.toString(), CONFIGS.resolve("att.yaml").toString(),
                CONFIGS.resolve("steering.yaml").toString());
        assertThat(r.exitCode()).isEqualTo(ExitStatus.CONFIG);
        assertThat(r.out()).contains("spectrum.yaml: valid autorate config", "steering.yaml: valid steering config");
        int line = Files.readAllLines(spectrum).indexOf("  port: 9102") + 1;
        assertThat(r.out()).containsPattern("error: port clash: health_check.port 9102 in \\S*spectrum.yaml line " + line
                + " and health_check.port 9102 in \\S*steering.yaml \\(not set: the default\\)");
    }

    @Test
    void aBrokenConfigExits78NamingEveryProblem(@TempDir Path dir) throws IOException {
        String yaml = Files.readString(CONFIGS.resolve("spectrum.yaml"))
                .replace("  host: 192.168.88.1\n", "")
                .replaceFirst("floor_red_mbps: \\d+", "floor_red_mbps: 400")
                .replace("warn_bloat_ms: 45", "warn_bloat_ms: 5")
                .replace("ceiling_mbps: 940", "ceiling_mbps: lots")
                .replace("use_median_of_three: true", "use_median_of_tree: true");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, yaml);
        int ceilingLine = yaml.lines().toList().indexOf("    ceiling_mbps: lots") + 1;
        CliRunner.Result r = CliRunner.run("check-config", bad.toString(), CONFIGS.resolve("att.yaml").toString());
        assertThat(r.exitCode()).isEqualTo(ExitStatus.CONFIG);
        assertThat(r.out()).contains("bad.yaml: INVALID autorate config, 4 errors",
                "error: router.host (line 8): missing",
                "error: continuous_monitoring.download.floor_red_mbps",
                "error: continuous_monitoring.thresholds.warn_bloat_ms",
                "error: continuous_monitoring.download.ceiling_mbps (line " + ceilingLine + "): must be a number from 1 to 10000, got"
                        + " \"lots\"",
                "warning: continuous_monitoring.use_median_of_tree",
                "did you mean \"use_median_of_three\"?",
                "att.yaml: valid autorate config");
    }

    @Test
    void passwordsAreNeverPrinted(@TempDir Path dir) throws IOException {
        Path cfg = dir.resolve("pw.yaml");
        Files.writeString(cfg, Files.readString(CONFIGS.resolve("spectrum.yaml"))
                .replace("${ROUTER_PASSWORD}", "hunter2-secret"));
        CliRunner.Result r = CliRunner.run("check-config", cfg.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("password set").doesNotContain("hunter2");
    }

    @Test
    void aMissingFileIsInvalid() {
        CliRunner.Result r = CliRunner.run("check-config", "/nonexistent/wanctl.yaml");
        assertThat(r.exitCode()).isEqualTo(ExitStatus.CONFIG);
        assertThat(r.out()).contains("/nonexistent/wanctl.yaml: INVALID", "no such file");
    }

    @Test
    void replayPrintsCsvAndASummary() {
        CliRunner.Result r = CliRunner.run("replay", "--config", CONFIGS.resolve("spectrum.yaml").toString(),
                "--rtt", Path.of("..", "examples", "cable-download.csv").toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().lines().count()).isEqualTo(1201);
        assertThat(r.err()).contains("replay: 1200 cycles (60.0 s at 50 ms)", "router writes:");
    }
}
