package dev.wanctl.cli.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LogLineParserTest {

    private final LogLineParser parser = new LogLineParser(ZoneOffset.UTC);
    private static final long T = Instant.parse("2026-11-23T18:04:10.250Z").toEpochMilli();

    @Test
    void plainLineWithTheJournaldPriorityPrefix() {
        assertThat(parser.parse("<4>2026-11-23 18:04:10,250 [spectrum] [WARN] spectrum: router unreachable"))
                .contains(new LogLine(T, "spectrum", "WARN", "spectrum: router unreachable"));
    }

    @Test
    void plainLineBehindJournalctlsShortPrefix() {
        assertThat(parser.parse("Nov 23 18:04:10 rtr wanctl-spectrum[812]: 2026-11-23 18:04:10,250 [spectrum] [INFO] x: y"))
                .contains(new LogLine(T, "spectrum", "INFO", "x: y"));
    }

    @Test
    void thePythonReferencesWarningLevelReadsAsWarn() {
        assertThat(parser.parse("2026-11-23 18:04:10,250 [att] [WARNING] att: ping failed").orElseThrow().level())
                .isEqualTo("WARN");
    }

    @Test
    void jsonLineWithOffsetTimestamp() {
        String json = "{\"@timestamp\":\"2026-11-23T19:04:10.250+01:00\",\"message\":\"spectrum: hi\","
                + "\"logger_name\":\"x\",\"thread_name\":\"main\",\"level\":\"INFO\",\"wan\":\"spectrum\"}";
        assertThat(parser.parse(json)).contains(new LogLine(T, "spectrum", "INFO", "spectrum: hi"));
        assertThat(parser.parse("<6>" + json)).contains(new LogLine(T, "spectrum", "INFO", "spectrum: hi"));
    }

    @Test
    void systemdLinesAboutAUnitTakeTheTimeOfTheLineBefore() {
        parser.parse("2026-11-23 18:04:10,250 [spectrum] [INFO] x");
        assertThat(parser.parse("Nov 23 18:04:40 rtr systemd[1]: wanctl@spectrum.service: Watchdog timeout (limit 30s)!"))
                .contains(new LogLine(T, "spectrum", LogLine.SYSTEMD, "Watchdog timeout (limit 30s)!"));
        assertThat(parser.parse("Nov 23 18:04:40 rtr systemd[1]: wanctl-steering.service: Main process exited, code=killed, status=9/KILL")
                        .orElseThrow().wan())
                .isEqualTo("steering");
    }

    @Test
    void unrelatedLinesAreNotWanctls() {
        assertThat(parser.parse("-- Boot 1234 --")).isEmpty();
        assertThat(parser.parse("{\"not\":\"a log event\"}")).isEmpty();
    }
}
