package dev.wanctl.core.runtime;

import java.io.IOException;

/**
 * A failed C library call with its {@code errno}; public so that callers can tell "not allowed"
 * (EACCES, EPERM) from other failures when choosing a fallback.
 */
public final class ErrnoException extends IOException {

    private final int errno;

    /** {@code call} failed with {@code errno}. */
    public ErrnoException(String call, int errno) {
        super(call + " failed: " + Libc.strerror(errno) + " (errno " + errno + ")");
        this.errno = errno;
    }

    /** The C error alone, e.g. "Permission denied (errno 13)". */
    public String reason() {
        return Libc.strerror(errno) + " (errno " + errno + ")";
    }

    /** The C error number. */
    public int errno() {
        return errno;
    }

    /** True for the errors that mean "not permitted here" rather than "broken". */
    public boolean isPermissionDenied() {
        return errno == Libc.EACCES || errno == Libc.EPERM;
    }
}
