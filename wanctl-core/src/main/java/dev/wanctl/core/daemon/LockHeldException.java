package dev.wanctl.core.daemon;

import java.nio.file.Path;

/**
 * Another live instance holds the lock for this WAN; public so that the CLI can exit with 75 and
 * name the PID.
 */
public final class LockHeldException extends Exception {

    private final Path file;
    private final long pid;

    LockHeldException(Path file, long pid, String how) {
        super("another wanctl instance " + (pid > 0 ? "(PID " + pid + ") " : "(PID unknown) ") + how
                + " " + file + "; stop it first, or use another lock file for another WAN");
        this.file = file;
        this.pid = pid;
    }

    /** The lock file. */
    public Path file() {
        return file;
    }

    /** The PID written in the lock file, or 0 when it could not be read. */
    public long pid() {
        return pid;
    }
}
