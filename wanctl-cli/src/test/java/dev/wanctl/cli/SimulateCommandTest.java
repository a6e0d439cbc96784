package dev.wanctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

    record Outcome(int code, String out, String err) {
    }

    static Outcome wanctl(String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }

    @Test
    void allControllersPrintOneRowEachPerDirection() {
        Outcome o = wanctl("simulate", "--scenario", "cable-prime-time", "--controller", "all", "--duration", "3m");
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("cable-prime-time", "download", "upload", "p99 ms");
        assertThat(o.out().lines().filter(l -> l.matches("^(wanctl|none|static|oracle)\\s.*"))).hasSize(8);
    }

    @Test
    void jsonIsTheSameForTheSameSeedAndDiffersForAnother() {
        String a = wanctl("simulate", "--scenario", "dsl-stable", "--json", "--seed", "3", "--duration", "2m").out();
        String b = wanctl("simulate", "--scenario", "dsl-stable", "--json", "--seed", "3", "--duration", "2m").out();
        String c = wanctl("simulate", "--scenario", "dsl-stable", "--json", "--seed", "4", "--duration", "2m").out();
        assertThat(a).startsWith("{").contains("\"seed\": 3").isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void oneControllerWithPlotAndRecordingWritesBothFiles(@TempDir Path dir) {
        Path png = dir.resolve("run.png");
        Path csv = dir.resolve("run.csv");
        Outcome o = wanctl("simulate", "--scenario", "idle-then-burst", "--controller", "oracle", "--duration", "1m",
                "--plot", png.toString(), "--record", csv.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(png).isRegularFile();
        assertThat(csv).isRegularFile();
        Outcome p = wanctl("plot", csv.toString(), "--out", dir.resolve("again.svg").toString());
        assertThat(p.code()).as(p.err()).isZero();
        assertThat(dir.resolve("again.svg")).isRegularFile();
    }

    @Test
    void severalControllersGetOneFilePerController(@TempDir Path dir) {
        Outcome o = wanctl("simulate", "--scenario", "dsl-stable", "--duration", "30s", "--record", dir.resolve("r.csv").toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(dir.resolve("r-none.csv")).isRegularFile();
        assertThat(dir.resolve("r-static.csv")).isRegularFile();
        assertThat(dir.resolve("r-oracle.csv")).isRegularFile();
    }

    @Test
    void scenarioFileFromAPathWorks(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, """
                name: my-line
                duration: 30s
                download: {ceiling_mbps: 50, floor_mbps: 10, capacity: {generator: constant, mbps: 40}}
                upload: {ceiling_mbps: 10, floor_mbps: 2, capacity: {generator: constant, mbps: 8}}
                reflectors: [{name: gw, base_ms: 8}]
                traffic: [{kind: bulk, at: 5s, for: 20s, direction: both}]
                """);
        Outcome o = wanctl("simulate", "--scenario", file.toString(), "--controller", "static");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("my-line");
    }

    @Test
    void unknownControllerAndScenarioAreUsageErrorsThatSayWhatExists() {
        Outcome c = wanctl("simulate", "--scenario", "dsl-stable", "--controller", "magic");
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).contains("unknown controller 'magic'", "oracle");
        Outcome s = wanctl("simulate", "--scenario", "nowhere");
        assertThat(s.code()).isEqualTo(2);
        assertThat(s.err()).contains("cable-prime-time");
        assertThat(wanctl("simulate").code()).isEqualTo(2);
    }

    @Test
    void plotOfAMissingFileFails(@TempDir Path dir) {
        Outcome o = wanctl("plot", dir.resolve("none.csv").toString(), "--out", dir.resolve("x.png").toString());
        assertThat(o.code()).isNotZero();
        assertThat(o.err()).contains("none.csv");
    }
}
