package dev.wanctl.cli.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SoakAnalyzerTest {

    private final SoakAnalyzer analyzer = new SoakAnalyzer(SoakThresholds.defaults(), new LogLineParser(ZoneOffset.UTC));

    private void line(String time, String level, String message) {
        analyzer.accept("2026-11-23 " + time + ",000 [spectrum] [" + level + "] " + message);
    }

    private static String status(String zone, double delta, double baseline, int dl, long cycles, long writes) {
        return String.format(java.util.Locale.ROOT,
                "spectrum: [%s/GREEN] RTT=25.0ms, load_ewma=%.1fms, baseline=%.1fms, delta=%.1fms | DL=%dM, UL=38M"
                        + " | cycles=%d overruns=0 writes=%d rate_limited=0 fallback=0",
                zone, baseline + delta, baseline, delta, dl, cycles, writes);
    }

    private WanSummary spectrum() {
        return analyzer.report().wan("spectrum").orElseThrow();
    }

    @Test
    void countersAddUpAcrossARestart() {
        line("18:00:00", "INFO", status("GREEN", 0.5, 25, 900, 1000, 4));
        line("18:00:10", "INFO", status("GREEN", 0.5, 25, 900, 1200, 6));
        line("18:00:11", "INFO", "=== wanctl autorate 0.1.0 - spectrum ===");
        line("18:00:21", "INFO", status("GREEN", 0.5, 25, 900, 150, 1));

        assertThat(spectrum().cycles()).isEqualTo(200 + 150);
        assertThat(spectrum().routerWrites()).isEqualTo(2 + 1);
        assertThat(spectrum().restarts()).isEqualTo(1);
    }

    @Test
    void aStartAtTheBeginningOfTheWindowIsNotARestart() {
        line("18:00:00", "INFO", "=== wanctl autorate 0.1.0 - spectrum ===");
        line("18:00:10", "INFO", status("GREEN", 0.5, 25, 900, 200, 0));

        assertThat(spectrum().restarts()).isZero();
        assertThat(spectrum().flags()).isEmpty();
    }

    @Test
    void upThenDownWithinSixtySecondsIsAFlapAndLaterIsNot() {
        line("18:00:00", "DEBUG", "spectrum: router write DL=800M UL=38M (green, 1.0 ms)");
        line("18:00:10", "DEBUG", "spectrum: router write DL=810M UL=38M (green, 1.0 ms)");
        line("18:00:50", "DEBUG", "spectrum: router write DL=700M UL=38M (red, 1.0 ms)");
        line("18:01:00", "DEBUG", "spectrum: router write DL=710M UL=38M (green, 1.0 ms)");
        line("18:02:30", "DEBUG", "spectrum: router write DL=650M UL=38M (red, 1.0 ms)");

        assertThat(spectrum().rateChanges()).isEqualTo(4);
        assertThat(spectrum().flaps()).isEqualTo(1);
        assertThat(spectrum().routerWrites()).isEqualTo(5);
    }

    @Test
    void timeIsSplitByZoneBetweenObservations() {
        line("18:00:00", "INFO", status("GREEN", 0.5, 25, 900, 0, 0));
        line("18:00:30", "INFO", status("RED", 50, 25, 800, 600, 1));
        line("18:00:40", "INFO", status("GREEN", 0.5, 25, 800, 800, 1));

        assertThat(spectrum().downloadZonePct()).containsEntry("GREEN", 75.0).containsEntry("RED", 25.0);
    }

    @Test
    void gapsLongerThanAMinuteCountForNoZone() {
        line("18:00:00", "INFO", status("RED", 50, 25, 900, 0, 0));
        line("18:00:10", "INFO", status("GREEN", 0.5, 25, 900, 200, 0));
        line("18:30:00", "INFO", status("GREEN", 0.5, 25, 900, 36000, 0));

        assertThat(spectrum().downloadZonePct()).containsEntry("RED", 100.0);
    }

    @Test
    void baselineMovingWhileLoadedIsFlagged() {
        line("18:00:00", "INFO", status("GREEN", 0.5, 25.0, 900, 0, 0));
        line("18:00:01", "INFO", status("YELLOW", 20, 25.0, 900, 20, 0));
        line("18:00:02", "INFO", status("YELLOW", 20, 26.5, 900, 40, 0));
        line("18:00:03", "INFO", status("RED", 40, 28.0, 900, 60, 0));
        line("18:00:04", "INFO", status("GREEN", 0.5, 28.0, 900, 80, 0));

        assertThat(spectrum().maxLoadedDriftMs()).isEqualTo(3.0);
        assertThat(spectrum().loadedPeriods()).isEqualTo(1);
        assertThat(spectrum().flags()).anySatisfy(f -> assertThat(f).contains("baseline drifted 3.0 ms"));
    }

    @Test
    void aBaselineHeldWhileLoadedIsNotFlagged() {
        line("18:00:00", "INFO", status("YELLOW", 20, 25.0, 900, 0, 0));
        line("18:00:01", "INFO", status("RED", 45, 25.0, 900, 20, 0));

        assertThat(spectrum().maxLoadedDriftMs()).isZero();
        assertThat(spectrum().flags()).isEmpty();
    }

    @Test
    void warningsAreGroupedByKindWithAnExample() {
        line("18:00:00", "WARN", "spectrum: router unreachable (connect timed out): keeping DL=900M UL=38M pending, retrying");
        line("18:00:05", "WARN", "spectrum: router unreachable (no route to host): keeping DL=900M UL=38M pending, retrying");
        line("18:00:09", "ERROR", "spectrum: router rejected the credentials (401): stopping");

        WanSummary s = spectrum();
        assertThat(s.problems()).extracting(WanSummary.ProblemKind::kind)
                .containsExactly("router unreachable", "router rejected the credentials");
        assertThat(s.problems().get(0).warnings()).isEqualTo(2);
        assertThat(s.problems().get(0).example()).contains("connect timed out");
        assertThat(s.flags()).anySatisfy(f -> assertThat(f).contains("1 ERROR line(s)"));
    }

    @Test
    void kindDropsTheWanPrefixDetailsAndNumbers() {
        assertThat(SoakAnalyzer.kindOf("spectrum: all reflectors timed out (3 of 3): holding rates", "spectrum"))
                .isEqualTo("all reflectors timed out");
        assertThat(SoakAnalyzer.kindOf("spectrum: cycle 12 took 180 ms", "spectrum")).isEqualTo("cycle # took # ms");
        assertThat(SoakAnalyzer.kindOf("Steering rule not found: ADAPTIVE", "steering")).isEqualTo("Steering rule not found");
    }

    @Test
    void linesOfOtherProgramsAreCountedButIgnored() {
        analyzer.accept("Nov 23 18:00:00 host CRON[99]: (root) CMD (true)");
        analyzer.accept("");

        assertThat(analyzer.report().unrecognised()).isEqualTo(1);
        assertThat(analyzer.report().wans()).isEmpty();
    }
}
