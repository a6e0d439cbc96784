package dev.wanctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

    @Test
    void allControllersPrintOneRowEachPerDirection() {
        CliRunner.Result o = CliRunner.run("simulate", "--scenario", "cable-prime-time", "--controller", "all", "--duration", "3m");
        assertThat(o.exitCode()).isZero();
        assertThat(o.out()).contains("cable-prime-time", "download", "upload", "p99 ms");
        assertThat(o.out().lines().filter(l -> l.matches("^(wanctl|none|static|oracle)\\s.*"))).hasSize(8);
    }

    @Test
    void jsonIsTheSameForTheSameSeedAndDiffersForAnother() {
        String a = CliRunner.run("simulate", "--scenario", "dsl-stable", "--json", "--seed", "3", "--duration", "2m").out();
        String b = CliRunner.run("simulate", "--scenario", "dsl-stable", "--json", "--seed", "3", "--duration", "2m").out();
        String c = CliRunner.run("simulate", "--scenario", "dsl-stable", "--json", "--seed", "4", "--duration", "2m").out();
        assertThat(a).startsWith("{").contains("\"seed\": 3").isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void oneControllerWithPlotAndRecordingWritesBothFiles(@TempDir Path dir) {
        Path png = dir.resolve("run.png");
        Path csv = dir.resolve("run.csv");
        CliRunner.Result o = CliRunner.run("simulate", "--scenario", "idle-then-burst", "--controller", "oracle", "--duration", "1m",
                "--plot", png.toString(), "--record", csv.toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(png).isRegularFile();
        assertThat(csv).isRegularFile();
        CliRunner.Result p = CliRunner.run("plot", csv.toString(), "--out", dir.resolve("again.svg").toString());
        assertThat(p.exitCode()).as(p.err()).isZero();
        assertThat(dir.resolve("again.svg")).isRegularFile();
    }

    @Test
    void severalControllersGetOneFilePerController(@TempDir Path dir) {
        CliRunner.Result o = CliRunner.run("simulate", "--scenario", "dsl-stable", "--duration", "30s", "--record", dir.resolve("r.csv").toString());
        assertThat(o.exitCode()).as(o.err()).isZero();
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
        CliRunner.Result o = CliRunner.run("simulate", "--scenario", file.toString(), "--controller", "static");
        assertThat(o.exitCode()).as(o.err()).isZero();
        assertThat(o.out()).contains("my-line");
    }

    @Test
    void unknownControllerAndScenarioAreUsageErrorsThatSayWhatExists() {
        CliRunner.Result c = CliRunner.run("simulate", "--scenario", "dsl-stable", "--controller", "magic");
        assertThat(c.exitCode()).isEqualTo(2);
        assertThat(c.err()).contains("unknown controller 'magic'", "oracle");
        CliRunner.Result s = CliRunner.run("simulate", "--scenario", "nowhere");
        assertThat(s.exitCode()).isEqualTo(2);
        assertThat(s.err()).contains("cable-prime-time");
        assertThat(CliRunner.run("simulate").exitCode()).isEqualTo(2);
    }

    @Test
    void plotOfAMissingFileFails(@TempDir Path dir) {
        CliRunner.Result o = CliRunner.run("plot", dir.resolve("none.csv").toString(), "--out", dir.resolve("x.png").toString());
        assertThat(o.exitCode()).isNotZero();
        assertThat(o.err()).contains("none.csv");
    }
}
