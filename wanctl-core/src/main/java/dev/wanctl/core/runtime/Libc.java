package dev.wanctl.core.runtime;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * The few C library socket calls wanctl needs, bound with the foreign-function API (no JNA, no
 * native library of our own). Public because both the probe (ICMP) and the systemd notifier
 * (unix datagrams) use it; daemons never call it directly.
 *
 * <p>Calls that can fail take an {@code errnoState} segment from {@link #newErrnoState} so that
 * {@code errno} is captured right after the call; each thread keeps its own. The hot calls
 * ({@link #sendTo}, {@link #recvFrom}, {@link #poll}) allocate nothing.
 */
public final class Libc {

    public static final int AF_UNIX = 1;
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;
    public static final int SOCK_STREAM = 1;
    public static final int SOCK_DGRAM = 2;
    public static final int SOCK_RAW = 3;
    public static final int SOCK_CLOEXEC = 0x80000;
    public static final int IPPROTO_ICMP = 1;
    public static final int IPPROTO_ICMPV6 = 58;
    public static final int MSG_DONTWAIT = 0x40;
    public static final short POLLIN = 0x1;

    public static final int EPERM = 1;
    public static final int EINTR = 4;
    public static final int EAGAIN = 11;
    public static final int EACCES = 13;
    public static final int ECONNREFUSED = 111;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout STATE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            STATE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private static final MethodHandle SOCKET =
            bind("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle BIND =
            bind("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle SETSOCKOPT = bind("setsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle GETSOCKOPT = bind("getsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle SENDTO = bind("sendto", FunctionDescriptor.of(
            JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle RECVFROM = bind("recvfrom", FunctionDescriptor.of(
            JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle POLL =
            bind("poll", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    private static final MethodHandle CLOSE = bind("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle CLOCK_GETTIME =
            bind("clock_gettime", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
    private static final MethodHandle STRERROR = LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("strerror"), FunctionDescriptor.of(ADDRESS, JAVA_INT));

    private static final int CLOCK_MONOTONIC = 1;

    private Libc() {
    }

    private static MethodHandle bind(String name, FunctionDescriptor fd) {
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(name), fd,
                Linker.Option.captureCallState("errno"));
    }

    /** A segment that receives {@code errno} after each call; allocate one per thread. */
    public static MemorySegment newErrnoState(Arena arena) {
        return arena.allocate(STATE_LAYOUT);
    }

    /** The {@code errno} captured by the last call that used {@code state}. */
    public static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    /** A call returning an int that is negative on failure, with errno captured in {@code state}. */
    @FunctionalInterface
    private interface IntCall {
        int call(MemorySegment state) throws Throwable;
    }

    /** Runs a set-up call (not on a hot path: it allocates its errno segment) and turns failure into an exception. */
    private static int checked(String what, IntCall call) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = newErrnoState(arena);
            int rc = call.call(state);
            if (rc < 0) {
                throw new ErrnoException(what, errno(state));
            }
            return rc;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(what, t);
        }
    }

    /** Opens a socket (close-on-exec) or throws with the C error named. */
    public static int socket(int domain, int type, int protocol) throws ErrnoException {
        return checked("socket(" + domain + ", " + type + ", " + protocol + ")",
                state -> (int) SOCKET.invokeExact(state, domain, type | SOCK_CLOEXEC, protocol));
    }

    /** Binds {@code fd} to the socket address in {@code addr}. */
    public static void bind(int fd, MemorySegment addr, int addrLen) throws ErrnoException {
        checked("bind", state -> (int) BIND.invokeExact(state, fd, addr, addrLen));
    }

    /** Sets a socket option whose value is the bytes of {@code value}. */
    public static void setSockOpt(int fd, int level, int option, MemorySegment value) throws ErrnoException {
        checked("setsockopt(" + level + ", " + option + ")",
                state -> (int) SETSOCKOPT.invokeExact(state, fd, level, option, value, (int) value.byteSize()));
    }

    /**
     * Reads a socket option into {@code value} (its size is the room offered) and returns the
     * bytes the kernel wrote.
     */
    public static int getSockOpt(int fd, int level, int option, MemorySegment value) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment len = arena.allocate(JAVA_INT);
            len.set(JAVA_INT, 0, (int) value.byteSize());
            checked("getsockopt(" + level + ", " + option + ")",
                    state -> (int) GETSOCKOPT.invokeExact(state, fd, level, option, value, len));
            return len.get(JAVA_INT, 0);
        }
    }

    /** {@code sendto(2)}: bytes sent, or -1 with errno in {@code state}. */
    public static long sendTo(int fd, MemorySegment buf, long len, int flags, MemorySegment addr,
            int addrLen, MemorySegment state) {
        try {
            return (long) SENDTO.invokeExact(state, fd, buf, len, flags, addr, addrLen);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /**
     * {@code recvfrom(2)}: bytes received, or -1 with errno in {@code state}. {@code addrLen} is
     * a 4-byte in/out segment holding the size of {@code addr}.
     */
    public static long recvFrom(int fd, MemorySegment buf, long len, int flags, MemorySegment addr,
            MemorySegment addrLen, MemorySegment state) {
        try {
            return (long) RECVFROM.invokeExact(state, fd, buf, len, flags, addr, addrLen);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** {@code poll(2)} over {@code nfds} 8-byte {@code struct pollfd} entries. */
    public static int poll(MemorySegment fds, long nfds, int timeoutMillis, MemorySegment state) {
        try {
            return (int) POLL.invokeExact(state, fds, nfds, timeoutMillis);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Closes a file descriptor; errors are ignored, as nothing useful can follow them. */
    public static void close(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            int ignored = (int) CLOSE.invokeExact(newErrnoState(arena), fd);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** {@code CLOCK_MONOTONIC} in microseconds: systemd's {@code MONOTONIC_USEC}. */
    public static long monotonicMicros() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ts = arena.allocate(16, 8);
            int rc = (int) CLOCK_GETTIME.invokeExact(newErrnoState(arena), CLOCK_MONOTONIC, ts);
            if (rc != 0) {
                throw new IllegalStateException("clock_gettime(CLOCK_MONOTONIC) failed");
            }
            return ts.get(JAVA_LONG, 0) * 1_000_000L + ts.get(JAVA_LONG, 8) / 1_000L;
        } catch (Throwable t) {
            throw t instanceof IllegalStateException e ? e : new IllegalStateException(t);
        }
    }

    /** The C library's text for an error number, e.g. "Permission denied". */
    public static String strerror(int errno) {
        try {
            MemorySegment s = (MemorySegment) STRERROR.invokeExact(errno);
            return s.reinterpret(1024).getString(0);
        } catch (Throwable t) {
            return "errno " + errno;
        }
    }
}
