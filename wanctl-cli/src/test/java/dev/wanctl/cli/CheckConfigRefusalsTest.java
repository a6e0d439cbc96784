package dev.wanctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.daemon.ExitStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code check-config} accepted and the daemon then died on or suffered from (issue 16, item
 * 10): each refused with exit 78 and an {@code error:} line naming the key and its line, without a
 * stack trace and in bounded time.
 */
class CheckConfigRefusalsTest {

    private static final Path SPECTRUM = Path.of("..", "configs", "spectrum.yaml");
    private static final String HOSTS = "ping_hosts: [1.1.1.1, 9.9.9.9, 208.67.222.222]";

    @TempDir
    Path dir;

    private CliRunner.Result check(String yaml) throws IOException {
        Path file = dir.resolve("case.yaml");
        Files.writeString(file, yaml);
        long t0 = System.nanoTime();
        CliRunner.Result r = CliRunner.run("check-config", file.toString());
        assertThat((System.nanoTime() - t0) / 1_000_000).as("ms to check").isLessThan(2_000);
        assertThat(r.out() + r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.exitCode()).as(r.out()).isEqualTo(ExitStatus.CONFIG);
        return r;
    }

    private static String shipped() throws IOException {
        String yaml = Files.readString(SPECTRUM);
        assertThat(yaml).contains(HOSTS);
        return yaml;
    }

    private static int lineOf(String yaml, String text) {
        return yaml.lines().toList().indexOf(text) + 1;
    }

    @Test
    void healthAndMetricsOnOnePortAreRefused() throws IOException {
        String yaml = shipped().replaceFirst("\nhealth_check:[^\n]*\n  enabled: true",
                "\nhealth_check:\n  enabled: true\n  port: 9300")
                .replaceFirst("\nmetrics:[^\n]*\n  enabled: false", "\nmetrics:\n  enabled: true\n  port: 9300");
        CliRunner.Result r = check(yaml);
        assertThat(r.out()).contains("error: metrics.port (line ",
                "metrics.port and health_check.port are both 9300");
    }

    @Test
    void tenThousandDuplicateReflectorsAreRefusedWithTheLimit() throws IOException {
        String yaml = shipped();
        String many = yaml.replace(HOSTS, "ping_hosts: [" + String.join(", ", Collections.nCopies(10_000, "1.1.1.1")) + "]");
        CliRunner.Result r = check(many);
        assertThat(r.out()).contains("error: continuous_monitoring.ping_hosts (line " + lineOf(yaml, "  " + HOSTS)
                + "): 10000 hosts listed; at most 32");
    }

    @Test
    void twoThousandDistinctReflectorsAreRefusedWithTheLimit() throws IOException {
        String hosts = IntStream.range(0, 2_000).mapToObj(i -> "10.0." + i / 250 + "." + (i % 250 + 1))
                .collect(Collectors.joining(", "));
        CliRunner.Result r = check(shipped().replace(HOSTS, "ping_hosts: [" + hosts + "]"));
        assertThat(r.out()).contains("error: continuous_monitoring.ping_hosts", "2000 hosts listed; at most 32");
    }

    @Test
    void aReflectorListedTwiceIsRefused() throws IOException {
        CliRunner.Result r = check(shipped().replace(HOSTS, "ping_hosts: [1.1.1.1, 9.9.9.9, 1.1.1.1]"));
        assertThat(r.out()).contains("error: continuous_monitoring.ping_hosts",
                "\"1.1.1.1\" is listed more than once");
    }

    @Test
    void aRelativeStateFileEscapingUpwardsIsRefused() throws IOException {
        String yaml = shipped().replace("state_file: /var/lib/wanctl/spectrum_state.json",
                "state_file: ../../../../etc/passwd");
        CliRunner.Result r = check(yaml);
        assertThat(r.out()).contains("error: state_file (line " + lineOf(yaml, "state_file: ../../../../etc/passwd")
                + "): must be an absolute path, got \"../../../../etc/passwd\"");
    }

    @Test
    void aControlCharacterIsRefusedWithItsLineAndColumn() throws IOException {
        String yaml = shipped().replace("state_file: /var", "state_file: \u0007/var");
        CliRunner.Result r = check(yaml);
        assertThat(r.out()).contains("error: line " + lineOf(yaml, "state_file: \u0007/var/lib/wanctl/spectrum_state.json")
                + ": not valid YAML: character U+0007 is not allowed at column 13; remove it");
    }

    @Test
    void anAliasBombIsRefusedQuicklyWithTheLimit() throws IOException {
        StringBuilder sb = new StringBuilder(shipped()).append("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int k = 1; k < 12; k++) {
            sb.append("a").append(k).append(": &a").append(k).append(" [")
                    .append(String.join(", ", Collections.nCopies(9, "*a" + (k - 1)))).append("]\n");
        }
        CliRunner.Result r = check(sb.toString());
        assertThat(r.out()).contains("error: more than 10 aliases (*name) of lists or mappings in the file");
    }
}
