package dev.wanctl.routeros.linuxtc;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.wanctl.core.runtime.ErrnoException;
import dev.wanctl.core.runtime.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code NETLINK_ROUTE} socket through the foreign-function API: send a request, collect the
 * kernel's replies to it until its acknowledgement, with a receive timeout so that no call can
 * hang. Extended acknowledgements are switched on, so a refusal comes with the kernel's own words
 * ("Specified qdisc kind is unknown."). Not thread-safe; {@link LinuxTcShaper} serialises.
 */
final class Rtnetlink implements AutoCloseable {

    static final int AF_NETLINK = 16;
    static final int NETLINK_ROUTE = 0;
    private static final int SOL_SOCKET = 1;
    private static final int SO_RCVTIMEO = 20;
    private static final int SOL_NETLINK = 270;
    private static final int NETLINK_CAP_ACK = 10;
    private static final int NETLINK_EXT_ACK = 11;
    private static final int SOCKADDR_NL_LEN = 12;
    private static final int BUFFER = 64 * 1024;

    private static final MethodHandle IF_NAMETOINDEX = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().findOrThrow("if_nametoindex"),
            FunctionDescriptor.of(JAVA_INT, java.lang.foreign.ValueLayout.ADDRESS));

    /** What the kernel answered to one request. */
    record Reply(List<byte[]> messages, int errno, String extack) {
        boolean ok() {
            return errno == 0;
        }
    }

    private final int fd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment buf = arena.allocate(BUFFER, 8);
    private final MemorySegment kernel = arena.allocate(SOCKADDR_NL_LEN, 4);
    private final MemorySegment from = arena.allocate(SOCKADDR_NL_LEN, 4);
    private final MemorySegment fromLen = arena.allocate(JAVA_INT);
    private final MemorySegment errno = Libc.newErrnoState(arena);
    private final MemorySegment timeval = arena.allocate(16, 8);
    private long timeoutSetMillis = -1;

    Rtnetlink() throws ErrnoException {
        fd = Libc.socket(AF_NETLINK, Libc.SOCK_RAW, NETLINK_ROUTE);
        try {
            kernel.set(JAVA_SHORT, 0, (short) AF_NETLINK); // nl_pid 0: the kernel
            Libc.bind(fd, kernel, SOCKADDR_NL_LEN);
            MemorySegment one = arena.allocate(JAVA_INT);
            one.set(JAVA_INT, 0, 1);
            try {
                Libc.setSockOpt(fd, SOL_NETLINK, NETLINK_EXT_ACK, one);
                Libc.setSockOpt(fd, SOL_NETLINK, NETLINK_CAP_ACK, one);
            } catch (ErrnoException old) {
                // kernels before 4.12 lack extended acks; errors then carry the errno only
            }
        } catch (ErrnoException e) {
            Libc.close(fd);
            arena.close();
            throw e;
        }
    }

    /** The index of network device {@code name}, or 0 when there is none. */
    static int ifindex(String name) {
        try (Arena a = Arena.ofConfined()) {
            return (int) IF_NAMETOINDEX.invokeExact(a.allocateFrom(name, StandardCharsets.US_ASCII));
        } catch (Throwable t) {
            throw new IllegalStateException("if_nametoindex", t);
        }
    }

    /**
     * Sends {@code request} (sequence number {@code seq}) and returns the replies carrying that
     * number up to the acknowledgement; {@link ErrnoException} with EAGAIN when nothing came within
     * {@code timeoutMillis}.
     */
    Reply request(byte[] request, int seq, long timeoutMillis) throws ErrnoException {
        setTimeout(timeoutMillis);
        MemorySegment.copy(request, 0, buf, JAVA_BYTE, 0, request.length);
        long sent = Libc.sendTo(fd, buf, request.length, 0, kernel, SOCKADDR_NL_LEN, errno);
        if (sent < 0) {
            throw new ErrnoException("netlink sendto", Libc.errno(errno));
        }
        List<byte[]> messages = new ArrayList<>();
        while (true) {
            fromLen.set(JAVA_INT, 0, SOCKADDR_NL_LEN);
            long n = Libc.recvFrom(fd, buf, BUFFER, 0, from, fromLen, errno);
            if (n < 0) {
                int e = Libc.errno(errno);
                if (e == Libc.EINTR) {
                    continue;
                }
                throw new ErrnoException("netlink recvfrom", e);
            }
            byte[] data = buf.asSlice(0, n).toArray(JAVA_BYTE);
            ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.nativeOrder());
            for (int p = 0; p + TcMessages.NLMSG_HDRLEN <= n; ) {
                int len = b.getInt(p);
                if (len < TcMessages.NLMSG_HDRLEN || p + len > n) {
                    break;
                }
                short type = b.getShort(p + 4);
                short flags = b.getShort(p + 6);
                int mseq = b.getInt(p + 8);
                if (mseq == seq) {
                    if (type == TcMessages.NLMSG_ERROR) {
                        int err = -b.getInt(p + TcMessages.NLMSG_HDRLEN);
                        return new Reply(messages, err, extack(b, p, len, flags));
                    }
                    if (type == TcMessages.NLMSG_DONE) {
                        return new Reply(messages, 0, null);
                    }
                    byte[] m = new byte[len];
                    System.arraycopy(data, p, m, 0, len);
                    messages.add(m);
                }
                p += RootQdisc.align(len);
            }
        }
    }

    /** The kernel's NLMSGERR_ATTR_MSG text after a capped error header, or null. */
    private static String extack(ByteBuffer b, int p, int len, short flags) {
        if ((flags & TcMessages.NLM_F_ACK_TLVS) == 0) {
            return null;
        }
        int at = p + TcMessages.NLMSG_HDRLEN + 4 + TcMessages.NLMSG_HDRLEN; // error, then the capped request header
        while (at + 4 <= p + len) {
            int alen = Short.toUnsignedInt(b.getShort(at));
            int type = b.getShort(at + 2) & 0x3FFF;
            if (alen < 4 || at + alen > p + len) {
                return null;
            }
            if (type == TcMessages.NLMSGERR_ATTR_MSG) {
                byte[] s = new byte[alen - 4];
                b.get(at + 4, s);
                int end = 0;
                while (end < s.length && s[end] != 0) {
                    end++;
                }
                return new String(s, 0, end, StandardCharsets.UTF_8);
            }
            at += RootQdisc.align(alen);
        }
        return null;
    }

    private void setTimeout(long millis) throws ErrnoException {
        long ms = Math.max(1, millis);
        if (ms == timeoutSetMillis) {
            return;
        }
        timeval.set(JAVA_LONG, 0, ms / 1000);
        timeval.set(JAVA_LONG, 8, (ms % 1000) * 1000);
        Libc.setSockOpt(fd, SOL_SOCKET, SO_RCVTIMEO, timeval);
        timeoutSetMillis = ms;
    }

    @Override
    public void close() {
        Libc.close(fd);
        arena.close();
    }
}
