package dev.wanctl.core.probe;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.wanctl.core.runtime.Clock;
import dev.wanctl.core.runtime.ErrnoException;
import dev.wanctl.core.runtime.Libc;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ICMP echo through the foreign-function API, over an IPv4 and/or an IPv6 socket, each either a
 * ping socket or a raw socket. Sending and receiving allocate nothing: each thread has its own
 * native buffers.
 */
final class IcmpTransport implements EchoTransport {

    /** One open socket: ping or raw, IPv4 or IPv6. */
    record Socket(int fd, boolean raw, boolean v6) {

        static Socket open(boolean v6, boolean raw) throws ErrnoException {
            int fd = Libc.socket(v6 ? Libc.AF_INET6 : Libc.AF_INET, raw ? Libc.SOCK_RAW : Libc.SOCK_DGRAM,
                    v6 ? Libc.IPPROTO_ICMPV6 : Libc.IPPROTO_ICMP);
            if (raw) {
                try (Arena a = Arena.ofConfined()) {
                    installReplyFilter(fd, v6, a);
                } catch (ErrnoException e) {
                    LoggerFactory.getLogger(IcmpTransport.class)
                            .debug("no ICMP filter on the raw socket ({}); replies are filtered in Java", e.getMessage());
                }
            }
            return new Socket(fd, raw, v6);
        }

        /** Lets only echo replies through, so other ICMP traffic never wakes the receiver. */
        private static void installReplyFilter(int fd, boolean v6, Arena a) throws ErrnoException {
            if (v6) {
                MemorySegment filter = a.allocate(32, 4); // struct icmp6_filter: a set bit blocks the type
                for (int i = 0; i < 8; i++) {
                    filter.setAtIndex(JAVA_INT, i, -1);
                }
                int reply = IcmpPacket.ECHO_REPLY_V6;
                filter.setAtIndex(JAVA_INT, reply >> 5, ~(1 << (reply & 31)));
                Libc.setSockOpt(fd, Libc.IPPROTO_ICMPV6, ICMP6_FILTER, filter);
            } else {
                MemorySegment mask = a.allocate(JAVA_INT); // ICMP_FILTER: a set bit blocks the type
                mask.set(JAVA_INT, 0, ~(1 << IcmpPacket.ECHO_REPLY_V4));
                Libc.setSockOpt(fd, SOL_RAW, ICMP_FILTER, mask);
            }
        }

        ProbeMethod method() {
            return raw ? ProbeMethod.ICMP_RAW_SOCKET : ProbeMethod.ICMP_PING_SOCKET;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(IcmpTransport.class);
    private static final int SOL_RAW = 255;
    private static final int ICMP_FILTER = 1;
    private static final int ICMP6_FILTER = 1;
    private static final int SOCKADDR_IN6_LEN = 28;
    private static final int SOCKADDR_IN_LEN = 16;

    private final Socket v4;
    private final Socket v6;
    private final Clock clock;
    private final int id = ThreadLocalRandom.current().nextInt(1 << 16);
    private final int token = ThreadLocalRandom.current().nextInt();
    private final Arena arena = Arena.ofShared();
    // sender thread
    private final MemorySegment sendBuf = arena.allocate(IcmpPacket.LENGTH, 8);
    private final MemorySegment sendAddr = arena.allocate(SOCKADDR_IN6_LEN, 8);
    private final MemorySegment sendErrno = Libc.newErrnoState(arena);
    private boolean sendFailing;
    // receiver thread
    private final MemorySegment recvBuf = arena.allocate(2048, 8);
    private final MemorySegment pollFds = arena.allocate(16, 4);
    private final MemorySegment recvErrno = Libc.newErrnoState(arena);

    /** Either socket may be null when that family is not available. */
    IcmpTransport(Socket v4, Socket v6, Clock clock) {
        if (v4 == null && v6 == null) {
            throw new IllegalArgumentException("no ICMP socket");
        }
        this.v4 = v4;
        this.v6 = v6;
        this.clock = clock;
    }

    @Override
    public ProbeMethod method() {
        return (v4 != null ? v4 : v6).method();
    }

    /** The socket per family, e.g. "IPv4: raw socket, IPv6: ping socket". */
    String families() {
        String four = v4 == null ? "" : "IPv4: " + (v4.raw() ? "raw" : "ping") + " socket";
        String six = v6 == null ? "" : "IPv6: " + (v6.raw() ? "raw" : "ping") + " socket";
        return four.isEmpty() || six.isEmpty() ? four + six : four + ", " + six;
    }

    @Override
    public boolean supports(InetAddress address) {
        return address instanceof Inet6Address ? v6 != null : v4 != null;
    }

    @Override
    public void send(int slot, Target target, int seq) {
        boolean isV6 = target.isIpv6();
        Socket s = isV6 ? v6 : v4;
        if (s == null) {
            return;
        }
        IcmpPacket.writeRequest(sendBuf, isV6, id, seq, token, slot, target.generation(), clock.nanoTime());
        int addrLen = writeSockaddr(target);
        long n = Libc.sendTo(s.fd(), sendBuf, IcmpPacket.LENGTH, Libc.MSG_DONTWAIT, sendAddr, addrLen, sendErrno);
        if (n < 0) {
            if (!sendFailing) {
                sendFailing = true;
                LOG.warn("ICMP echo to {} could not be sent: {} (counted as lost; further send errors "
                        + "are not logged until one succeeds)", target.name(), Libc.strerror(Libc.errno(sendErrno)));
            }
        } else if (sendFailing) {
            sendFailing = false;
            LOG.info("ICMP echoes are sent again");
        }
    }

    private int writeSockaddr(Target t) {
        sendAddr.fill((byte) 0);
        byte[] a = t.addressBytes();
        if (a.length == 16) {
            sendAddr.set(JAVA_SHORT, 0, (short) Libc.AF_INET6);
            MemorySegment.copy(a, 0, sendAddr, JAVA_BYTE, 8, 16);
            sendAddr.set(JAVA_INT, 24, t.scopeId());
            return SOCKADDR_IN6_LEN;
        }
        sendAddr.set(JAVA_SHORT, 0, (short) Libc.AF_INET);
        MemorySegment.copy(a, 0, sendAddr, JAVA_BYTE, 4, 4);
        return SOCKADDR_IN_LEN;
    }

    @Override
    public void receive(int timeoutMillis, ReplySink sink) {
        int n = 0;
        if (v4 != null) {
            setPollFd(n++, v4.fd());
        }
        if (v6 != null) {
            setPollFd(n++, v6.fd());
        }
        if (Libc.poll(pollFds, n, timeoutMillis, recvErrno) <= 0) {
            return; // timeout, or EINTR: the caller loops
        }
        int i = 0;
        if (v4 != null) {
            drainIfReadable(i++, v4, sink);
        }
        if (v6 != null) {
            drainIfReadable(i, v6, sink);
        }
    }

    private void setPollFd(int index, int fd) {
        pollFds.set(JAVA_INT, index * 8L, fd);
        pollFds.set(JAVA_SHORT, index * 8L + 4, Libc.POLLIN);
        pollFds.set(JAVA_SHORT, index * 8L + 6, (short) 0);
    }

    private void drainIfReadable(int index, Socket s, ReplySink sink) {
        if ((pollFds.get(JAVA_SHORT, index * 8L + 6) & Libc.POLLIN) == 0) {
            return;
        }
        int ourId = s.raw() ? id : -1; // the kernel owns the id of a ping socket
        boolean ipHeader = s.raw() && !s.v6();
        for (int k = 0; k < 256; k++) { // bounded, so close() is never starved by a flood
            long len = Libc.recvFrom(s.fd(), recvBuf, recvBuf.byteSize(), Libc.MSG_DONTWAIT,
                    MemorySegment.NULL, MemorySegment.NULL, recvErrno);
            if (len < 0) {
                return; // EAGAIN: drained
            }
            long at = clock.nanoTime();
            int off = IcmpPacket.icmpOffset(recvBuf, len, ipHeader);
            if (IcmpPacket.isOurReply(recvBuf, len, off, s.v6(), ourId, token)) {
                sink.reply(IcmpPacket.slot(recvBuf, off), IcmpPacket.generation(recvBuf, off),
                        IcmpPacket.seq(recvBuf, off), at);
            }
        }
    }

    @Override
    public void close() {
        if (v4 != null) {
            Libc.close(v4.fd());
        }
        if (v6 != null) {
            Libc.close(v6.fd());
        }
        arena.close();
    }
}
