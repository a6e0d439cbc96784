package dev.wanctl.routeros.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wanctl.routeros.SystemInfo;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CliResourceTest {

    @Test
    void readsSystemResourcePrint() throws Exception {
        String out = """
                                   uptime: 2d20h12m20s
                                  version: 7.16.2 (stable)
                               build-time: 2024-11-26 12:50:59
                         factory-software: 7.1
                              free-memory: 866.5MiB
                             total-memory: 1024.0MiB
                                      cpu: ARM64
                                cpu-count: 4
                            cpu-frequency: 1400MHz
                                 cpu-load: 3%
                           free-hdd-space: 876.3MiB
                          total-hdd-space: 1024.0MiB
                  write-sect-since-reboot: 2350
                         write-sect-total: 1123578
                               bad-blocks: 0%
                        architecture-name: arm64
                               board-name: RB5009UG+S+
                                 platform: MikroTik
                """;

        assertThat(CliResource.parse(out)).isEqualTo(new SystemInfo("7.16.2 (stable)", "RB5009UG+S+", 3,
                Duration.ofDays(2).plusHours(20).plusMinutes(12).plusSeconds(20)));
    }

    @Test
    void readsTheOlderClockStyleUptime() throws Exception {
        String out = "uptime: 1w2d03:04:05\nversion: 7.1\ncpu-load: 100%\nboard-name: CHR\n";

        assertThat(CliResource.parse(out).uptime())
                .isEqualTo(Duration.ofDays(9).plusHours(3).plusMinutes(4).plusSeconds(5));
    }

    @Test
    void aMissingLineIsNamed() {
        assertThatThrownBy(() -> CliResource.parse("uptime: 1s\nversion: 7.1\ncpu-load: 1%\n"))
                .hasMessageContaining("board-name");
    }
}
