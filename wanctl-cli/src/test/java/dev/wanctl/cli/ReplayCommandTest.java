package dev.wanctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.daemon.ExitStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wanctl replay}: autorate over an RTT series, or steering over its recording. */
class ReplayCommandTest {

    private static final String STEERING = Path.of("..", "configs", "steering.yaml").toString();

    @Test
    void steeringReplayPrintsEachCycleWithItsTogglesAndASummary(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("t_s,rtt_ms,baseline_ms,drops,queued_packets\n");
        for (int i = 0; i < 200; i++) { // 10 s at 50 ms: congested (RTT +40 ms, drops, backlog) from 1 s
            csv.append(String.format(Locale.ROOT, "%.2f,%s,20,%s%n", i * 0.05, i >= 20 ? "60" : "21",
                    i >= 20 ? "3,80" : "0,0"));
        }
        Path recording = Files.writeString(dir.resolve("steering_flight.csv"), csv);

        CliRunner.Result r = CliRunner.run("replay", "--config", STEERING, "--steering", recording.toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitStatus.OK);
        assertThat(r.out().lines().count()).isEqualTo(201);
        assertThat(r.out().lines().filter(l -> l.endsWith(",ENABLE"))).singleElement()
                .satisfies(l -> assertThat(l).contains(",RED,"));
        assertThat(r.err()).contains("steering replay: 200 cycles (10.0 s at 50 ms)")
                .contains("rule toggles: 1 enable, 0 disable");
    }

    @Test
    void neitherOrBothRecordingsIsAUsageError(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("r.csv"), "rtt_ms,baseline_ms\n21,20\n");
        CliRunner.Result neither = CliRunner.run("replay", "--config", STEERING);
        assertThat(neither.exitCode()).isEqualTo(ExitStatus.USAGE);
        assertThat(neither.err()).contains("give either --rtt FILE (autorate) or --steering FILE (steering)");
        CliRunner.Result both = CliRunner.run("replay", "--config", STEERING, "--rtt", f.toString(), "--steering",
                f.toString());
        assertThat(both.exitCode()).isEqualTo(ExitStatus.USAGE);
        assertThat(both.err()).contains("not both");
    }

    @Test
    void aMalformedSteeringRecordingNamesTheFileAndTheLine(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("r.csv"), "rtt_ms,baseline_ms\n21,20\nfast,20\n");
        CliRunner.Result r = CliRunner.run("replay", "--config", STEERING, "--steering", f.toString());
        assertThat(r.exitCode()).isEqualTo(ExitStatus.FAILURE);
        assertThat(r.err()).contains(f + ": line 3: rtt_ms must be a number or empty, got \"fast\"");
    }

    @Test
    void autorateReplayPrintsARowPerRecordedRttAndAMalformedOneNamesItsLine(@TempDir Path dir) throws IOException {
        String spectrum = Path.of("..", "configs", "spectrum.yaml").toString();
        Path ok = Files.writeString(dir.resolve("rtt.csv"), "rtt_ms\n24\n\n25\n");
        CliRunner.Result r = CliRunner.run("replay", "--config", spectrum, "--rtt", ok.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitStatus.OK);
        assertThat(r.out().lines().toList()).hasSize(4).first().isEqualTo(dev.wanctl.autorate.Replay.HEADER);
        assertThat(r.err()).contains("replay: 3 cycles");
        Path bad = Files.writeString(dir.resolve("bad.csv"), "rtt_ms\n24\nslow\n");
        CliRunner.Result b = CliRunner.run("replay", "--config", spectrum, "--rtt", bad.toString());
        assertThat(b.exitCode()).isEqualTo(ExitStatus.FAILURE);
        assertThat(b.err()).contains(bad + ": line 3: rtt_ms must be a number of ms or empty");
    }
}
