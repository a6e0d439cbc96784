package dev.wanctl.core.daemon;

import dev.wanctl.core.runtime.Libc;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/**
 * A {@code struct sockaddr_un} for a path socket or, when the name starts with {@code @}, a Linux
 * abstract socket (as systemd writes them in {@code $NOTIFY_SOCKET}).
 */
record UnixAddress(MemorySegment segment, int length) {

    private static final int PATH_OFFSET = 2;
    private static final int PATH_MAX = 108;

    static UnixAddress of(String name, Arena arena) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        boolean isAbstract = name.startsWith("@");
        // A path needs its terminating NUL; an abstract name is exactly its bytes after the NUL.
        int pathBytes = isAbstract ? bytes.length : bytes.length + 1;
        if (bytes.length < 2 && isAbstract || bytes.length == 0 || pathBytes > PATH_MAX) {
            throw new IllegalArgumentException("unix socket name must be 1 to "
                    + (PATH_MAX - 1) + " bytes: '" + name + "'");
        }
        MemorySegment seg = arena.allocate(PATH_OFFSET + PATH_MAX, 2);
        seg.set(JAVA_SHORT, 0, (short) Libc.AF_UNIX);
        MemorySegment.copy(bytes, 0, seg, JAVA_BYTE, PATH_OFFSET, bytes.length);
        if (isAbstract) {
            seg.set(JAVA_BYTE, PATH_OFFSET, (byte) 0);
        }
        return new UnixAddress(seg, PATH_OFFSET + pathBytes);
    }
}
