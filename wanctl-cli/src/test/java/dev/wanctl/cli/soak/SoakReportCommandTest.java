package dev.wanctl.cli.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Runs the command on recorded logs (src/test/resources/soak) the way an operator would. */
class SoakReportCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new CommandLine(new SoakReportCommand())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }

    private static String fixture(String name) {
        try {
            return Path.of(Objects.requireNonNull(SoakReportCommandTest.class.getResource("/soak/" + name)).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aHealthyHourFlagsNothingAndExitsZero() {
        int rc = run(fixture("steady.txt"), "--timezone", "UTC");

        assertThat(rc).isZero();
        assertThat(out.toString())
                .contains("[spectrum]", "[steering]", "overruns 0", "2 requested, 2 verified")
                .contains("result: OK, nothing flagged")
                .doesNotContain("FLAGGED");
    }

    @Test
    void aTroubledJournalFlagsEachProblemAndExitsOne() {
        int rc = run(fixture("troubled.txt"), "--timezone", "UTC");

        assertThat(rc).isEqualTo(1);
        assertThat(out.toString())
                .contains("FLAGGED: spectrum: 1 ERROR line(s)")
                .contains("FLAGGED: spectrum: rate flapping")
                .contains("FLAGGED: spectrum: 45.1 router writes per minute")
                .contains("FLAGGED: spectrum: baseline drifted")
                .contains("FLAGGED: spectrum: 1 restart(s), 1 watchdog kill(s), 1 abnormal exit(s)")
                .contains("FLAGGED: steering: 96.0 steering transitions per hour")
                .contains("FLAGGED: steering: 4 steering rule change(s) not verified")
                .contains("WARN  x3    router unreachable")
                .contains("result: 7 check(s) flagged");
    }

    @Test
    void relaxedThresholdsClearTheFlagsTheyCover() {
        int rc = run(fixture("troubled.txt"), "--timezone", "UTC", "--max-errors", "5", "--max-flaps-per-hour", "100",
                "--max-writes-per-minute", "60", "--max-loaded-drift-ms", "10", "--max-restarts", "5",
                "--max-transitions-per-hour", "200");

        assertThat(rc).isEqualTo(1);
        assertThat(out.toString())
                .contains("watchdog kill(s)", "not verified", "result: 2 check(s) flagged")
                .doesNotContain("ERROR line(s)", "rate flapping", "router writes per minute", "baseline drifted");
    }

    @Test
    void jsonLinesAreReadLikePlainOnes() {
        int rc = run(fixture("att-json.txt"));

        assertThat(rc).isZero();
        assertThat(out.toString()).contains("[att]", "cycles           3200", "result: OK");
    }

    @Test
    void aMissingFileIsNamedAndExits66() {
        int rc = run("/nonexistent/wanctl.log");

        assertThat(rc).isEqualTo(SoakReportCommand.NO_INPUT);
        assertThat(err.toString()).contains("no such file: /nonexistent/wanctl.log");
    }

    @Test
    void noInputIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("--unit");
    }
}
