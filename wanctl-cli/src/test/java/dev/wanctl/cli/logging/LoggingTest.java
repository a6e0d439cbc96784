package dev.wanctl.cli.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LoggingTest {

    private final PrintStream realOut = System.out;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private String logAndCapture(Runnable logging) {
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            logging.run();
        } finally {
            System.setOut(realOut);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @org.junit.jupiter.api.BeforeEach
    void asTheDaemonsDo() {
        Logging.toStdout();
    }

    @AfterEach
    void restoreDefaults() {
        System.clearProperty(Logging.TARGET_PROPERTY);
        System.clearProperty(Logging.PREFIX_PROPERTY);
        System.clearProperty(Logging.WAN_PROPERTY);
        Logging.configure(LogFormat.PLAIN, null, false);
    }

    @Test
    void toolsLogToStderrSoTheirOutputStaysClean() {
        System.clearProperty(Logging.TARGET_PROPERTY);
        PrintStream realErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        String out;
        try {
            out = logAndCapture(() -> {
                Logging.configure(LogFormat.PLAIN, "sim", false);
                LoggerFactory.getLogger("dev.wanctl.autorate").warn("a warning from a tool");
            });
        } finally {
            System.setErr(realErr);
        }
        assertThat(out).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("a warning from a tool");
    }

    @Test
    void plainLinesFollowTheDocumentedFormat() {
        System.setProperty(Logging.PREFIX_PROPERTY, "false");
        String out = logAndCapture(() -> {
            Logging.configure(LogFormat.PLAIN, "spectrum", false);
            LoggerFactory.getLogger("dev.wanctl.autorate").info("spectrum: [GREEN/GREEN] RTT=25.5ms");
        });
        assertThat(out).matches(
                "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} \\[spectrum] \\[INFO] spectrum: \\[GREEN/GREEN] RTT=25.5ms\\R");
    }

    @Test
    void debugLinesAppearOnlyWithDebugOn() {
        System.setProperty(Logging.PREFIX_PROPERTY, "false");
        String quiet = logAndCapture(() -> {
            Logging.configure(LogFormat.PLAIN, "att", false);
            LoggerFactory.getLogger("dev.wanctl.autorate").debug("per-cycle line");
        });
        String verbose = logAndCapture(() -> {
            Logging.configure(LogFormat.PLAIN, "att", true);
            LoggerFactory.getLogger("dev.wanctl.autorate").debug("per-cycle line");
            LoggerFactory.getLogger("net.schmizz.sshj").debug("library chatter");
        });
        assertThat(quiet).isEmpty();
        assertThat(verbose).contains("[att] [DEBUG] per-cycle line").doesNotContain("library chatter");
    }

    @Test
    void jsonLinesAreOneObjectWithTheDocumentedFields() {
        System.setProperty(Logging.PREFIX_PROPERTY, "false");
        String out = logAndCapture(() -> {
            Logging.configure(LogFormat.JSON, "spectrum", false);
            LoggerFactory.getLogger("dev.wanctl.autorate.Daemon")
                    .warn("spectrum: router unreachable (connect timed out): retrying");
        });
        assertThat(out.lines()).hasSize(1);
        JsonNode line = JsonMapper.builder().build().readTree(out);
        assertThat(line.path("@timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
        assertThat(line.path("level").asString()).isEqualTo("WARN");
        assertThat(line.path("logger_name").asString()).isEqualTo("dev.wanctl.autorate.Daemon");
        assertThat(line.path("message").asString()).isEqualTo("spectrum: router unreachable (connect timed out): retrying");
        assertThat(line.path("wan").asString()).isEqualTo("spectrum");
    }

    @Test
    void journaldGetsThePriorityPrefixInBothFormats() {
        System.setProperty(Logging.PREFIX_PROPERTY, "true");
        String out = logAndCapture(() -> {
            Logging.configure(LogFormat.JSON, "spectrum", false);
            LoggerFactory.getLogger("dev.wanctl").error("boom");
            Logging.configure(LogFormat.PLAIN, "spectrum", false);
            LoggerFactory.getLogger("dev.wanctl").warn("careful");
        });
        assertThat(out.lines().toList()).satisfiesExactly(
                json -> assertThat(json).startsWith("<3>{"),
                plain -> assertThat(plain).startsWith("<4>20").endsWith("[WARN] careful"));
    }

    @Test
    void priorityPrefixMapsEveryLevel() {
        assertThat(SyslogPrefixConverter.prefix(Level.ERROR)).isEqualTo("<3>");
        assertThat(SyslogPrefixConverter.prefix(Level.WARN)).isEqualTo("<4>");
        assertThat(SyslogPrefixConverter.prefix(Level.INFO)).isEqualTo("<6>");
        assertThat(SyslogPrefixConverter.prefix(Level.DEBUG)).isEqualTo("<7>");
        assertThat(SyslogPrefixConverter.prefix(Level.TRACE)).isEqualTo("<7>");
    }

    @Test
    void unknownFormatNamesBothChoices() {
        assertThat(LogFormat.parse(" JSON ")).isEqualTo(LogFormat.JSON);
        assertThatThrownBy(() -> LogFormat.parse("xml")).hasMessageContaining("plain or json");
    }

    @Test
    void aTypoInTheFormatPropertyStillLogsPlainLines() {
        System.setProperty(Logging.PREFIX_PROPERTY, "false");
        String out = logAndCapture(() -> {
            System.setProperty(Logging.FORMAT_PROPERTY, "jsn");
            Logging.reload();
            LoggerFactory.getLogger("dev.wanctl").info("still here");
        });
        assertThat(out).contains("[INFO] still here");
    }
}
