package dev.wanctl.cli.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %syslogPrefix}: writes {@code <3>}, {@code <4>}, {@code <6>} or {@code <7>} before a line
 * when stdout is journald's stream, so {@code journalctl -p warning} and the colours work; journald
 * strips the prefix. On a terminal or in a file it writes nothing: there the prefix would only
 * break {@code jq} and grep patterns. systemd sets {@code JOURNAL_STREAM} for a service whose
 * output goes to the journal; {@code -Dwanctl.log.syslog-prefix=true|false} overrides the guess.
 */
public final class SyslogPrefixConverter extends ClassicConverter {

    private boolean enabled;

    @Override
    public void start() {
        enabled = Logging.syslogPrefixEnabled();
        super.start();
    }

    @Override
    public String convert(ILoggingEvent event) {
        return enabled ? prefix(event.getLevel()) : "";
    }

    static String prefix(Level level) {
        return switch (level.toInt()) {
            case Level.ERROR_INT -> "<3>";
            case Level.WARN_INT -> "<4>";
            case Level.INFO_INT -> "<6>";
            default -> "<7>";
        };
    }
}
