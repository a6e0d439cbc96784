package dev.wanctl.steering;

import static dev.wanctl.steering.SteeringHarness.sec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.emulator.model.WriteRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The steering daemon's own flight recording, replayed, toggles the rule where the daemon did. */
class SteeringReplayRoundTripTest extends HarnessTest {

    @Test
    void replayingTheDaemonsFlightRecordingGivesTheTogglesTheDaemonMade() throws IOException {
        h.congestedWhile(t -> t >= sec(5) && t < sec(12));
        assertThat(h.run(Duration.ofSeconds(25))).isZero();
        List<WriteRecord> daemon = h.toggles();
        assertThat(daemon).as(h.log()).hasSize(2); // on during the congestion, off after the green sustain

        Path recording = dir.resolve("steering_flight.csv");
        assertThat(recording).exists();
        StringWriter out = new StringWriter();
        SteeringReplay.Summary summary;
        try (BufferedReader in = Files.newBufferedReader(recording, StandardCharsets.UTF_8)) {
            summary = new SteeringReplay(h.load()).run(in, new PrintWriter(out, true));
        }
        assertThat(summary.missing()).isEmpty();
        List<String[]> toggles = out.toString().lines().skip(1).map(l -> l.split(",", -1))
                .filter(r -> !r[15].isEmpty()).toList();
        assertThat(toggles).hasSize(2);
        assertThat(toggles.get(0)[15]).isEqualTo("ENABLE");
        assertThat(toggles.get(1)[15]).isEqualTo("DISABLE");
        for (int i = 0; i < 2; i++) {
            double replayed = Double.parseDouble(toggles.get(i)[1]);
            double live = daemon.get(i).atNanos() / 1e9;
            assertThat(replayed).as("toggle %d", i).isCloseTo(live, org.assertj.core.api.Assertions.within(0.051));
        }
    }
}
