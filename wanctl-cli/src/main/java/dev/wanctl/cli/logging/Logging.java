package dev.wanctl.cli.logging;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Switches logging to the format, level and WAN name a command asked for. Daemon subcommands call
 * {@link #configure} once their options are parsed and again when the config names the WAN, before
 * their first log line; everything else keeps the defaults (plain, INFO, stderr).
 * {@link LogbackSetup} builds logback's configuration from the properties set here.
 */
public final class Logging {

    static final String FORMAT_PROPERTY = "wanctl.log.format";
    static final String LEVEL_PROPERTY = "wanctl.log.level";
    static final String WAN_PROPERTY = "wanctl.wan";
    static final String PREFIX_PROPERTY = "wanctl.log.syslog-prefix";
    static final String TARGET_PROPERTY = "wanctl.log.target";

    private Logging() {}

    /**
     * Reconfigures logback: {@code format} plain or JSON, wanctl's loggers at DEBUG when
     * {@code debug}, and {@code wan} as the [wan] field / "wan" JSON key (null keeps the current one).
     */
    public static void configure(LogFormat format, String wan, boolean debug) {
        configure(format, wan, debug ? "DEBUG" : "INFO");
    }

    /** As above with wanctl's loggers at {@code level} (TRACE, DEBUG, INFO, WARN, ERROR). */
    public static void configure(LogFormat format, String wan, String level) {
        System.setProperty(FORMAT_PROPERTY, format.id());
        System.setProperty(LEVEL_PROPERTY, level);
        if (wan != null && !wan.isBlank()) {
            System.setProperty(WAN_PROPERTY, wan);
        }
        reload();
    }

    /**
     * Sends log lines to stdout, where systemd hands them to the journal: the daemons' choice.
     * Tools keep the default, stderr, so that what they print on stdout stays clean.
     */
    public static void toStdout() {
        System.setProperty(TARGET_PROPERTY, "System.out");
    }

    /** Rebuilds logback's configuration from the current system properties. */
    static void reload() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another SLF4J backend (a test harness): leave it alone
        }
        LogbackSetup.apply(context);
    }

    /**
     * {@code -Dwanctl.log.format}, else {@code WANCTL_LOG_FORMAT}, else plain. An unknown value is
     * plain with a warning on stderr, so a typo never leaves a daemon without any log output.
     */
    static LogFormat format() {
        String value = System.getProperty(FORMAT_PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv("WANCTL_LOG_FORMAT");
        }
        if (value == null || value.isBlank()) {
            return LogFormat.PLAIN;
        }
        try {
            return LogFormat.parse(value);
        } catch (IllegalArgumentException e) {
            System.err.println("wanctl: " + e.getMessage() + "; logging plain lines");
            return LogFormat.PLAIN;
        }
    }

    /** True when log lines should carry a syslog priority prefix for journald. */
    static boolean syslogPrefixEnabled() {
        String forced = System.getProperty(PREFIX_PROPERTY);
        if (forced != null && !forced.isBlank()) {
            return Boolean.parseBoolean(forced.strip());
        }
        String stream = System.getenv("JOURNAL_STREAM");
        return stream != null && !stream.isBlank();
    }
}
