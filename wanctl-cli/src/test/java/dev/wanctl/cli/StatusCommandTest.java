package dev.wanctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.daemon.HealthServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {

    @TempDir
    Path dir;

    private Path config(int healthPort, boolean healthOn) throws IOException {
        String yaml = Files.readString(Path.of("..", "configs", "spectrum.yaml"))
                .replace("state_file: /var/lib/wanctl/spectrum_state.json", "state_file: " + dir.resolve("s.json"))
                .replace("  enabled: true\n  host: 127.0.0.1\n\nmetrics:",
                        "  enabled: " + healthOn + "\n  host: 127.0.0.1\n  port: " + healthPort + "\n\nmetrics:");
        Path f = dir.resolve("spectrum.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void aRunningDaemonIsShownFromItsHealthEndpoint() throws Exception {
        Map<String, Object> doc = Map.of("status", "healthy", "uptime_seconds", 3725.0, "wans", List.of(Map.of(
                "baseline_rtt_ms", 24.1, "delta_ms", 0.7,
                "download", Map.of("current_rate_mbps", 940.0, "state", "GREEN"),
                "upload", Map.of("current_rate_mbps", 38.0, "state", "GREEN"))));
        try (HealthServer h = HealthServer.start("127.0.0.1", 0, false, () -> new HealthServer.Response(true, doc))) {
            CliRunner.Result r = CliRunner.run("status", config(h.port(), true).toString());
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).contains("spectrum", "healthy", "GREEN/GREEN  DL 940M  UL 38M  delta 0.7 ms", "up 62m");
        }
    }

    @Test
    void aStoppedDaemonShowsItsLastStateAndItsAge() throws Exception {
        Files.writeString(dir.resolve("s.json"), """
                {"download": {"current_rate": 550000000}, "upload": {"current_rate": 30000000},
                 "congestion": {"dl_state": "YELLOW", "ul_state": "GREEN"}}""");
        CliRunner.Result r = CliRunner.run("status", config(9101, false).toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("no /health; last state", "ago: YELLOW/GREEN DL 550M UL 30M");
    }

    @Test
    void aDegradedDaemonSaysWhy() throws Exception {
        Map<String, Object> doc = Map.of("status", "degraded", "uptime_seconds", 12.0,
                "reasons", List.of("router unreachable: connection refused"), "wans", List.of(Map.of(
                        "download", Map.of("current_rate_mbps", 940.0, "state", "GREEN"),
                        "upload", Map.of("current_rate_mbps", 38.0, "state", "GREEN"))));
        try (HealthServer h = HealthServer.start("127.0.0.1", 0, false, () -> new HealthServer.Response(false, doc))) {
            CliRunner.Result r = CliRunner.run("status", config(h.port(), true).toString());
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.out()).contains("degraded", "because: router unreachable: connection refused");
        }
    }

    @Test
    void jsonGivesOneObjectPerDaemonWithItsStatusReasonsAndHealthDocument() throws Exception {
        Map<String, Object> doc = Map.of("status", "degraded", "uptime_seconds", 12.0,
                "reasons", List.of("state file: cannot write"), "wans", List.of(Map.of(
                        "download", Map.of("current_rate_mbps", 940.0, "state", "GREEN"),
                        "upload", Map.of("current_rate_mbps", 38.0, "state", "GREEN"))));
        try (HealthServer h = HealthServer.start("127.0.0.1", 0, false, () -> new HealthServer.Response(false, doc))) {
            CliRunner.Result r = CliRunner.run("status", "--json", config(h.port(), true).toString());
            assertThat(r.exitCode()).isEqualTo(1);
            var arr = tools.jackson.databind.json.JsonMapper.builder().build().readTree(r.out());
            assertThat(arr.isArray()).isTrue();
            assertThat(arr.size()).isEqualTo(1);
            assertThat(arr.get(0).path("name").asString()).isEqualTo("spectrum");
            assertThat(arr.get(0).path("status").asString()).isEqualTo("degraded");
            assertThat(arr.get(0).path("reasons").get(0).asString()).isEqualTo("state file: cannot write");
            assertThat(arr.get(0).path("health").path("wans").get(0).path("download").path("state").asString())
                    .isEqualTo("GREEN");
        }
    }

    @Test
    void aStoppedDaemonIsNotRunningInJson() throws Exception {
        CliRunner.Result r = CliRunner.run("status", "--json", config(9101, false).toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("\"status\":\"not_running\"", "\"health\":null");
    }

    @Test
    void aConfigDirectoryTheUserMayNotReadGivesAHintNotAStackTrace() throws Exception {
        Path etc = Files.createDirectory(dir.resolve("etc"));
        config(9101, false);
        Files.copy(dir.resolve("spectrum.yaml"), etc.resolve("spectrum.yaml"));
        Files.setPosixFilePermissions(etc, PosixFilePermissions.fromString("---------"));
        try {
            Assumptions.assumeFalse(Files.isReadable(etc), "running as root: permissions do not bind");
            CliRunner.Result r = CliRunner.run("status", "--config-dir", etc.toString());
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err()).contains("cannot list " + etc, "permission denied", "wanctl group")
                    .doesNotContain("Exception");
        } finally {
            Files.setPosixFilePermissions(etc, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aConfigTheUserMayNotReadIsNamedWithAHint() throws Exception {
        Path f = config(9101, false);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        try {
            Assumptions.assumeFalse(Files.isReadable(f), "running as root: permissions do not bind");
            CliRunner.Result r = CliRunner.run("status", f.toString());
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.out()).contains(f + ": cannot be read: permission denied").doesNotContain("Exception");
            assertThat(r.err()).doesNotContain("Exception");
        } finally {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
