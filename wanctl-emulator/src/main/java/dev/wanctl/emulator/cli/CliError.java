package dev.wanctl.emulator.cli;

/** A console error; its message is the line RouterOS prints on stdout (routeros-api.md §5.4). */
final class CliError extends Exception {

    private static final long serialVersionUID = 1L;

    CliError(String message) {
        super(message, null, false, false);
    }
}
