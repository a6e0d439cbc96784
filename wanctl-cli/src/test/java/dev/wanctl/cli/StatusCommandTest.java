package dev.wanctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.daemon.HealthServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
}
