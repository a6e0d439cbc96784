package dev.wanctl.core.daemon;

import dev.wanctl.core.runtime.ErrnoException;
import dev.wanctl.core.runtime.Libc;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/** A bound unix datagram socket for tests (the JDK has no unix datagram channel). */
final class UnixDatagramReceiver implements AutoCloseable {

    private final Arena arena = Arena.ofShared();
    private final int fd;
    private final MemorySegment buf = arena.allocate(4096);
    private final MemorySegment pollFd = arena.allocate(8, 4);
    private final MemorySegment state = Libc.newErrnoState(arena);

    UnixDatagramReceiver(String name) throws ErrnoException {
        fd = Libc.socket(Libc.AF_UNIX, Libc.SOCK_DGRAM, 0);
        UnixAddress addr = UnixAddress.of(name, arena);
        Libc.bind(fd, addr.segment(), addr.length());
    }

    /** The next datagram, or null when none arrives within {@code timeoutMillis}. */
    String receive(int timeoutMillis) {
        pollFd.set(JAVA_INT, 0, fd);
        pollFd.set(JAVA_SHORT, 4, Libc.POLLIN);
        pollFd.set(JAVA_SHORT, 6, (short) 0);
        if (Libc.poll(pollFd, 1, timeoutMillis, state) <= 0) {
            return null;
        }
        long n = Libc.recvFrom(fd, buf, buf.byteSize(), Libc.MSG_DONTWAIT, MemorySegment.NULL,
                MemorySegment.NULL, state);
        if (n < 0) {
            return null;
        }
        return new String(buf.asSlice(0, n).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE),
                StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        Libc.close(fd);
        arena.close();
    }
}
