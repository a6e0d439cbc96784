package dev.wanctl.steering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.control.Zone;
import dev.wanctl.core.runtime.VirtualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrimaryStateTest {

    @TempDir
    Path dir;

    private final VirtualClock clock = new VirtualClock();
    private final LogCapture log = new LogCapture(PrimaryState.class);

    @AfterEach
    void detach() {
        log.close();
    }

    private Path file() {
        return dir.resolve("spectrum_state.json");
    }

    /** Writes an autorate state as autorate does, modified "now" on the virtual clock. */
    private void autorateWrites(double baselineMs, String zone) throws IOException {
        Files.writeString(file(), """
                {"ewma": {"baseline_rtt": %s, "load_rtt": 30.0}, "congestion": {"dl_state": "%s", "ul_state": "GREEN"},
                 "timestamp": "2026-01-01T00:00:00"}
                """.formatted(baselineMs, zone));
        Files.setLastModifiedTime(file(), FileTime.fromMillis(clock.wallMillis()));
    }

    private PrimaryState state() {
        return new PrimaryState(file(), Duration.ofSeconds(5), 1, 250, clock, "steering");
    }

    @Test
    void freshFileGivesTheBaselineAndThePrimaryZone() throws IOException {
        autorateWrites(24.5, "SOFT_RED");
        PrimaryState s = state();

        s.refresh();

        assertThat(s.baselineMs()).isEqualTo(24.5);
        assertThat(s.source()).isEqualTo(PrimaryState.Source.FRESH);
        assertThat(s.zone()).isEqualTo(Zone.SOFT_RED);
        assertThat(s.problem()).isNull();
    }

    @Test
    void fileJustOlderThanTheLimitIsIgnoredQuietlyAndReportedStaleOnlyAfterTwiceTheLimit() throws IOException {
        autorateWrites(24.5, "GREEN");
        PrimaryState s = state();
        s.refresh();

        clock.advance(Duration.ofMillis(5_600)); // autorate is about to rewrite: normal
        s.refresh();
        assertThat(s.source()).isEqualTo(PrimaryState.Source.LAST_GOOD);
        assertThat(s.baselineMs()).isEqualTo(24.5);
        assertThat(s.problem()).contains("5.6 s old");
        assertThat(log.lines()).noneMatch(l -> l.startsWith("WARN"));

        clock.advance(Duration.ofMillis(4_500));
        s.refresh();
        clock.advance(Duration.ofSeconds(20));
        s.refresh();
        assertThat(log.lines()).filteredOn(l -> l.startsWith("WARN")).singleElement().asString()
                .contains("autorate state stale", file().toString(), "10.1 s old", "using the last baseline 24.5 ms");
        assertThat(s.baselineAgeMillis()).isEqualTo(30_100);

        autorateWrites(25.0, "GREEN");
        s.refresh();
        assertThat(s.source()).isEqualTo(PrimaryState.Source.FRESH);
        assertThat(log.lines()).last().asString().contains("autorate state fresh again");
    }

    @Test
    void baselineOutsideTheBoundsIsIgnoredWithAWarningAndTheLastGoodOneKept() throws IOException {
        autorateWrites(24.5, "GREEN");
        PrimaryState s = state();
        s.refresh();

        clock.advance(Duration.ofSeconds(1));
        autorateWrites(900, "GREEN");
        s.refresh();
        s.refresh();

        assertThat(s.baselineMs()).isEqualTo(24.5);
        assertThat(s.source()).isEqualTo(PrimaryState.Source.LAST_GOOD);
        assertThat(log.lines()).filteredOn(l -> l.startsWith("WARN")).singleElement().asString()
                .contains("out of bounds", "900.0 ms", "[1, 250]");
    }

    @Test
    void missingFileMeansNoBaselineAndIsReportedOnceAfterTwiceTheLimit() {
        PrimaryState s = state();
        s.refresh();
        assertThat(s.baselineMs()).isNaN();
        assertThat(s.source()).isEqualTo(PrimaryState.Source.NONE);
        assertThat(s.problem()).isEqualTo("no such file");
        assertThat(log.lines()).noneMatch(l -> l.startsWith("WARN"));

        for (int i = 0; i < 30; i++) {
            clock.advance(Duration.ofSeconds(1));
            s.refresh();
        }

        assertThat(log.lines()).filteredOn(l -> l.startsWith("WARN")).singleElement().asString()
                .contains("no baseline RTT", file().toString(), "no such file", "holding");
    }

    @Test
    void fileThatIsNotJsonIsNamedAsTheProblem() throws IOException {
        Files.writeString(file(), "{\"ewma\": ");
        PrimaryState s = state();

        s.refresh();

        assertThat(s.baselineMs()).isNaN();
        assertThat(s.problem()).startsWith("not readable JSON");
    }
}
