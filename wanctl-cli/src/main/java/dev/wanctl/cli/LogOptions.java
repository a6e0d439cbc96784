package dev.wanctl.cli;

import picocli.CommandLine.Option;

/** The logging options of the daemon commands. */
final class LogOptions {

    @Option(names = "--debug", description = "Log every cycle (DEBUG).")
    boolean debug;

    @Option(names = "--log-format", paramLabel = "plain|json",
            description = "plain (default) or json: one JSON object per line (also WANCTL_LOG_FORMAT=json).")
    String format;

    /** Configures logging; {@code wan} names the WAN in every line once the config is read. */
    void apply(String wan) {
        // wired to the logback set-up of the distribution (dev.wanctl.cli.logging) when it lands
    }
}
