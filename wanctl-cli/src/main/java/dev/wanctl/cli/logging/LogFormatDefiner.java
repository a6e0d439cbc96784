package dev.wanctl.cli.logging;

import ch.qos.logback.core.PropertyDefinerBase;

/**
 * Lets logback.xml pick the plain or JSON appender from {@code -Dwanctl.log.format} or
 * {@code WANCTL_LOG_FORMAT}. An unknown value falls back to plain with a warning on stderr, so a
 * typo never leaves a daemon without any log output.
 */
public final class LogFormatDefiner extends PropertyDefinerBase {

    @Override
    public String getPropertyValue() {
        String value = System.getProperty(Logging.FORMAT_PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv("WANCTL_LOG_FORMAT");
        }
        if (value == null || value.isBlank()) {
            return LogFormat.PLAIN.id();
        }
        try {
            return LogFormat.parse(value).id();
        } catch (IllegalArgumentException e) {
            System.err.println("wanctl: " + e.getMessage() + "; logging plain lines");
            return LogFormat.PLAIN.id();
        }
    }
}
