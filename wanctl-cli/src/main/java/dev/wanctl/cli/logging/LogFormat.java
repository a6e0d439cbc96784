package dev.wanctl.cli.logging;

import java.util.Locale;

/** The two stdout log formats of docs/LOGGING.md; a command-line option value (`--log-format json`). */
public enum LogFormat {
    PLAIN,
    JSON;

    /** The name used in system properties, the environment and resource names. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code plain} or {@code json} (any case); anything else is an error naming both. */
    public static LogFormat parse(String value) {
        for (LogFormat f : values()) {
            if (f.id().equalsIgnoreCase(value.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("log format must be plain or json, got '" + value + "'");
    }
}
