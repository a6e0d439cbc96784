package dev.wanctl.cli;

import dev.wanctl.cli.logging.LogFormat;
import dev.wanctl.cli.logging.Logging;
import picocli.CommandLine.Option;

/** The logging options of the daemon commands (docs/LOGGING.md). */
final class LogOptions {

    @Option(names = "--debug", description = "Log every cycle (DEBUG).")
    boolean debug;

    @Option(names = "--log-format", paramLabel = "plain|json",
            description = "plain (default) or json: one JSON object per line (also WANCTL_LOG_FORMAT=json).")
    String format;

    /** Configures logging; {@code wan} names the WAN in every line once the config is read (null before). */
    void apply(String wan) {
        Logging.toStdout(); // daemons log to stdout, for journald
        Logging.configure(format(), wan, debug);
    }

    /** --log-format, else $WANCTL_LOG_FORMAT, else -Dwanctl.log.format, else plain; a typo is plain, said once. */
    private LogFormat format() {
        String wanted = format != null ? format : System.getenv("WANCTL_LOG_FORMAT");
        if (wanted == null) {
            wanted = System.getProperty("wanctl.log.format", "plain");
        }
        try {
            return LogFormat.parse(wanted);
        } catch (IllegalArgumentException e) {
            System.err.println("wanctl: " + e.getMessage() + "; logging plain lines");
            format = "plain";
            return LogFormat.PLAIN;
        }
    }
}
