package dev.wanctl.autorate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.config.ConfigEnvironment;
import dev.wanctl.core.config.ConfigLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayTest {

    private static AutorateConfig spectrum() {
        return ConfigLoader.parseAutorate(referenceLaw(Path.of("..", "configs", "spectrum.yaml")), Path.of("spectrum.yaml"),
                new ConfigLoader.Options(new ConfigEnvironment(Map.of()), false)).config();
    }

    /** The reference implementation's cable example: 5 writes per 10 s, RED floor 200M. */
    private static AutorateConfig referenceCable() {
        return ConfigLoader.loadAutorate(Path.of("..", "wanctl-core", "src", "test", "resources", "reference-configs",
                "cable.yaml"), new ConfigLoader.Options(new ConfigEnvironment(Map.of()), false)).config();
    }

    private static List<String[]> replay(String csv, ReplaySummary[] summary) throws IOException {
        StringWriter out = new StringWriter();
        ReplaySummary s = new Replay(referenceCable()).run(new BufferedReader(new StringReader(csv)), new PrintWriter(out));
        if (summary != null) {
            summary[0] = s;
        }
        return out.toString().lines().skip(1).map(l -> l.split(",", -1)).toList();
    }

    @Test
    void printsTheExactHeaderAndOneRowPerCycle() throws IOException {
        StringWriter out = new StringWriter();
        new Replay(spectrum()).run(new BufferedReader(new StringReader("rtt_ms\n24\n25\n")), new PrintWriter(out));
        assertThat(out.toString().lines().toList()).containsExactly(
                "cycle,rtt_ms,load_ewma_ms,baseline_ms,delta_ms,dl_zone,ul_zone,dl_bps,ul_bps,write",
                "0,24.000,24.000,24.000,0.000,GREEN,GREEN,940000000,38000000,1",
                "1,25.000,24.393,24.001,0.392,GREEN,GREEN,940000000,38000000,0");
    }

    @Test
    void lostMeasurementsReuseTheLoadOnceThenFreeze() throws IOException {
        StringBuilder csv = new StringBuilder("rtt_ms\n");
        for (int i = 0; i < 20; i++) {
            csv.append("150\n"); // heavy bloat: RED, rates fall
        }
        csv.append("\n\n\n\n");
        List<String[]> rows = replay(csv.toString(), null);
        String[] last = rows.get(19);
        String[] reused = rows.get(20);
        String[] frozen1 = rows.get(21);
        String[] frozen3 = rows.get(23);
        assertThat(reused[1]).isEmpty();
        assertThat(Long.parseLong(reused[7])).isLessThanOrEqualTo(Long.parseLong(last[7]));
        assertThat(frozen1[7]).isEqualTo(reused[7]);
        assertThat(frozen3[7]).isEqualTo(reused[7]);
        assertThat(frozen3[3]).isEqualTo(reused[3]); // baseline frozen too
    }

    @Test
    void unchangedRatesAreNotWrittenAndWritesAreRateLimited() throws IOException {
        StringBuilder csv = new StringBuilder("rtt_ms\n");
        for (int i = 0; i < 200; i++) { // 10 s of deep, changing bloat: the rate changes every cycle
            csv.append(100 + i).append('\n');
        }
        ReplaySummary[] s = new ReplaySummary[1];
        List<String[]> rows = replay(csv.toString(), s);
        long writes = rows.stream().filter(r -> r[9].equals("1")).count();
        assertThat(writes).isEqualTo(5); // 5 per 10 s
        assertThat(s[0].writes()).isEqualTo(5);
        assertThat(s[0].rateLimited()).isPositive();
    }

    @Test
    void aMalformedRowNamesItsLine() {
        assertThatThrownBy(() -> replay("rtt_ms\n24\nabc\n", null))
                .isInstanceOf(ReplayInputException.class)
                .hasMessage("line 3: rtt_ms must be a number of ms or empty (a lost measurement), got \"abc\"");
        assertThatThrownBy(() -> replay("time,rtt\n", null)).hasMessageContaining("first column must be rtt_ms");
    }

    @Test
    void theBundledExampleReplays() throws IOException {
        String csv = java.nio.file.Files.readString(Path.of("..", "examples", "cable-download.csv"));
        ReplaySummary[] s = new ReplaySummary[1];
        replay(csv, s);
        assertThat(s[0].cycles()).isEqualTo(1200);
        assertThat(s[0].dlMinBps()).isGreaterThanOrEqualTo(200_000_000L);
        assertThat(s[0].dlMaxBps()).isEqualTo(940_000_000L);
        assertThat(s[0].describe()).contains("time per zone, download: GREEN");
    }

    /** The shipped config with the reference law: what these tests pin down is the reference's behaviour. */
    private static String referenceLaw(Path file) {
        try {
            return java.nio.file.Files.readString(file).replaceFirst("(?m)^  law: adaptive", "  law: reference");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
