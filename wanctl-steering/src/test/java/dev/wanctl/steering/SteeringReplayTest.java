package dev.wanctl.steering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wanctl.core.config.ConfigEnvironment;
import dev.wanctl.core.config.ConfigLoader;
import dev.wanctl.core.config.Loaded;
import dev.wanctl.core.config.SteeringConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Replaying a recording of steering's signals gives the toggles the daemon would have made. */
class SteeringReplayTest {

    /** configs/steering.yaml: 50 ms cycles, RED needs drops and a backlog, 2 s of RED enables, 30 s of GREEN disables. */
    private static SteeringConfig config() {
        Loaded<SteeringConfig> l = ConfigLoader.loadSteering(Path.of("..", "configs", "steering.yaml"),
                new ConfigLoader.Options(new ConfigEnvironment(Map.of()), false));
        assertThat(l.errors()).isEmpty();
        return l.config();
    }

    /** 5 s calm, 10 s of congestion (RTT +40 ms, drops, a 80-packet backlog), 40 s calm; one row per 50 ms. */
    private static String episode(boolean cakeColumns) {
        StringBuilder sb = new StringBuilder("# source=wanctl steering\n");
        sb.append(cakeColumns ? "t_s,rtt_ms,baseline_ms,drops,queued_packets\n" : "t_s,rtt_ms,baseline_ms\n");
        for (int i = 0; i < 1100; i++) {
            boolean congested = i >= 100 && i < 300;
            sb.append(String.format(Locale.ROOT, "%.3f,%s,20.0", 100 + i * 0.05, congested ? "60.0" : "21.0"));
            if (cakeColumns) {
                sb.append(congested ? ",3,80" : ",0,0");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private record Run(List<String[]> rows, SteeringReplay.Summary summary) {
        List<String> toggles() {
            return rows.stream().filter(r -> !r[15].isEmpty()).map(r -> r[15] + "@" + r[1]).toList();
        }
    }

    private static Run replay(String recording) throws IOException {
        StringWriter out = new StringWriter();
        SteeringReplay.Summary s = new SteeringReplay(config()).run(new BufferedReader(new StringReader(recording)),
                new PrintWriter(out, true));
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.getFirst()).isEqualTo(SteeringReplay.HEADER);
        return new Run(lines.stream().skip(1).map(l -> l.split(",", -1)).toList(), s);
    }

    @Test
    void aCongestionEpisodeEnablesSteeringOnceAfterTheRedSustainAndDisablesItOnceAfterTheGreenSustain()
            throws IOException {
        Run run = replay(episode(true));
        List<String> toggles = run.toggles();
        assertThat(toggles).hasSize(2);
        assertThat(toggles.get(0)).startsWith("ENABLE@");
        assertThat(toggles.get(1)).startsWith("DISABLE@");
        double enableAt = Double.parseDouble(toggles.get(0).substring("ENABLE@".length()));
        double disableAt = Double.parseDouble(toggles.get(1).substring("DISABLE@".length()));
        // congestion from t=105 s: 2 s of RED after the smoothed delta crosses red_rtt_ms
        assertThat(enableAt).isBetween(107.0, 107.5);
        // calm from t=115 s: 30 s of GREEN after the smoothed delta falls back
        assertThat(disableAt).isBetween(145.0, 145.5);
        assertThat(run.summary().enables()).isEqualTo(1);
        assertThat(run.summary().disables()).isEqualTo(1);
        assertThat(run.rows().get(1000)[14]).isEqualTo("disabled");
        assertThat(run.rows().get(500)[14]).isEqualTo("enabled");
        assertThat(run.rows().get(500)[10]).isEqualTo(config().degradedStateName());
        assertThat(run.summary().describe()).contains("rule toggles: 1 enable, 1 disable");
    }

    @Test
    void withoutTheCakeColumnsACakeAwareConfigNeverSteersAndTheSummarySaysWhatWasMissing() throws IOException {
        Run run = replay(episode(false));
        assertThat(run.toggles()).isEmpty();
        assertThat(run.summary().missing()).containsExactly("drops", "queued_packets", "wan_zone", "wan_zone_age_s");
        assertThat(run.summary().describe()).contains("not in the recording, taken as unknown or 0: drops");
    }

    @Test
    void aCycleWithoutAnRttOrABaselineHoldsAndIsCountedAsHeld() throws IOException {
        Run run = replay("rtt_ms,baseline_ms\n21,20\n,20\n21,\n21,20\n");
        assertThat(run.summary().cycles()).isEqualTo(4);
        assertThat(run.summary().heldCycles()).isEqualTo(2);
        assertThat(run.toggles()).isEmpty();
    }

    @Test
    void aMalformedRecordingNamesTheLineAndWhatIsWrong() {
        assertThatThrownBy(() -> replay("t_s,rtt_ms\n1,20\n"))
                .isInstanceOf(SteeringReplay.InputException.class)
                .hasMessageContaining("line 1: the header needs the columns rtt_ms and baseline_ms");
        assertThatThrownBy(() -> replay("# wan=x\nrtt_ms,baseline_ms,drops\n21,20,0\n21,20,lots\n"))
                .isInstanceOf(SteeringReplay.InputException.class)
                .hasMessage("line 4: drops must be a whole number or empty, got \"lots\"");
        assertThatThrownBy(() -> replay("rtt_ms,baseline_ms\n21\n"))
                .hasMessage("line 2: 1 fields, the header has 2");
    }
}
