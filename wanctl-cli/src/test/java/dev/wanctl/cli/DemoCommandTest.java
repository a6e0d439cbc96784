package dev.wanctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first command of the README: the whole system on one machine, in real time (20 s). */
class DemoCommandTest {

    @Test
    void theDemoCutsTheShaperWhenTheLineFillsSteersWhenThePathDegradesAndDrawsTheRun(@TempDir Path dir)
            throws Exception {
        Path svg = dir.resolve("demo.svg");
        CliRunner.Result r = CliRunner.run("demo", "--duration", "20s", "--plot", svg.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        String out = r.out();
        assertThat(out).contains("RouterOS emulator on https://127.0.0.1:", "certificate pinned");
        assertThat(out).as("the run is announced for the duration asked for").contains("run against it for 20 s")
                .doesNotContain("one minute");
        assertThat(out.lines().filter(l -> l.matches("^\\s+\\d+ s\\s+DL capacity.*"))).hasSizeGreaterThanOrEqualTo(15);
        // the node's capacity falls to 376 Mbit/s at 7 s: the daemon cuts the shaper below it
        assertThat(out.lines().filter(l -> l.matches(".*DL capacity\\s+376M shaper\\s+(\\d+)M.*"))
                .map(l -> Integer.parseInt(l.replaceAll(".*DL capacity\\s+376M shaper\\s+(\\d+)M.*", "$1"))))
                .anyMatch(shaperMbps -> shaperMbps < 376);
        assertThat(out).contains("wanctl (live)");
        // the 40 ms the ISP's core adds from 11 s cannot be shaped away: steering takes new calls elsewhere
        assertThat(out).containsPattern("steering: the rule was enabled [1-9]\\d* times? and steered");
        assertThat(out).contains("SPECTRUM_DEGRADED");
        assertThat(svg).isRegularFile();
        assertThat(Files.readString(svg)).contains("<svg", "wanctl demo: demo");
    }

    @Test
    void aDurationTooShortToShowAnythingIsAUsageError() {
        CliRunner.Result r = CliRunner.run("demo", "--duration", "1s");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--duration must be at least 2s");
    }
}
