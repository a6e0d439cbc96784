package dev.wanctl.cli.soak;

/**
 * One log event in the format of docs/LOGGING.md, whichever way it was written (plain, JSON,
 * behind a journalctl prefix), or a systemd message about a wanctl unit ({@code wan} is then the
 * instance, {@code level} is {@code SYSTEMD}).
 */
record LogLine(long epochMillis, String wan, String level, String message) {

    static final String SYSTEMD = "SYSTEMD";

    boolean isWarnOrError() {
        return level.equals("WARN") || level.equals("ERROR");
    }
}
