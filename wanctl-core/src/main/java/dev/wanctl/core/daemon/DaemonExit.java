package dev.wanctl.core.daemon;

/**
 * A daemon cannot start or go on, with the exit status that tells systemd and the operator why
 * ({@link ExitStatus}) and a message that says what to fix.
 */
public final class DaemonExit extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    public DaemonExit(int status, String message) {
        super(message);
        this.status = status;
    }

    public DaemonExit(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
