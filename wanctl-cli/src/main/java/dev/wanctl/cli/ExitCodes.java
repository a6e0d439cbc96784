package dev.wanctl.cli;

/** The exit codes of every command; units use {@code RestartPreventExitStatus=75 77 78}. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A runtime failure: unreachable router, missing queue, I/O error. */
    public static final int FAILURE = 1;
    /** Bad command line. */
    public static final int USAGE = 2;
    /** Another instance holds the lock. */
    public static final int LOCKED = 75;
    /** The router rejected the credentials. */
    public static final int AUTH = 77;
    /** The configuration is invalid. */
    public static final int CONFIG = 78;

    private ExitCodes() {}
}
