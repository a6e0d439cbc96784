package dev.wanctl.core.daemon;

/**
 * The exit statuses of every wanctl command; the units list {@code RestartPreventExitStatus=75 77
 * 78} so systemd does not restart into the same refusal.
 */
public final class ExitStatus {
    public static final int OK = 0;
    /** A runtime failure: unreachable router at a moment it was needed, a missing queue, I/O. */
    public static final int FAILURE = 1;
    /** Bad command line. */
    public static final int USAGE = 2;
    /** Another instance holds the lock. */
    public static final int LOCKED = 75;
    /** The router rejected the credentials. */
    public static final int AUTH = 77;
    /** The configuration is invalid. */
    public static final int CONFIG = 78;

    private ExitStatus() {}
}
