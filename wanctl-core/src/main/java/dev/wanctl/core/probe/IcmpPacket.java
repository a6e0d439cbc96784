package dev.wanctl.core.probe;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * ICMP / ICMPv6 echo requests and replies in native memory. After the 8-byte header the payload
 * carries a per-probe token, the slot and the slot's generation, so a reply is matched to its
 * reflector without looking at addresses, and replies meant for other programs are ignored.
 */
final class IcmpPacket {

    static final int ECHO_REQUEST_V4 = 8;
    static final int ECHO_REPLY_V4 = 0;
    static final int ECHO_REQUEST_V6 = 128;
    static final int ECHO_REPLY_V6 = 129;
    static final int LENGTH = 24;

    private static final ValueLayout.OfShort SHORT_BE =
            ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt INT_BE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private IcmpPacket() {
    }

    /** Writes an echo request into {@code buf}; the checksum is computed for IPv4 (the kernel does it for ICMPv6). */
    static void writeRequest(MemorySegment buf, boolean v6, int id, int seq, int token, int slot, int generation,
            long sentNanos) {
        buf.set(ValueLayout.JAVA_BYTE, 0, (byte) (v6 ? ECHO_REQUEST_V6 : ECHO_REQUEST_V4));
        buf.set(ValueLayout.JAVA_BYTE, 1, (byte) 0);
        buf.set(SHORT_BE, 2, (short) 0);
        buf.set(SHORT_BE, 4, (short) id);
        buf.set(SHORT_BE, 6, (short) seq);
        buf.set(INT_BE, 8, token);
        buf.set(SHORT_BE, 12, (short) slot);
        buf.set(SHORT_BE, 14, (short) generation);
        buf.set(ValueLayout.JAVA_LONG_UNALIGNED, 16, sentNanos); // filler, never trusted
        if (!v6) {
            buf.set(SHORT_BE, 2, (short) checksum(buf, LENGTH));
        }
    }

    /** The Internet checksum (RFC 1071) of the first {@code len} bytes. */
    static int checksum(MemorySegment buf, int len) {
        long sum = 0;
        int i = 0;
        for (; i + 1 < len; i += 2) {
            sum += buf.get(SHORT_BE, i) & 0xffff;
        }
        if (i < len) {
            sum += (buf.get(ValueLayout.JAVA_BYTE, i) & 0xff) << 8;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }

    /**
     * The offset of the ICMP message in a received datagram: IPv4 raw sockets deliver the IP
     * header first, ping sockets and ICMPv6 sockets do not.
     */
    static int icmpOffset(MemorySegment buf, long len, boolean includesIpHeader) {
        if (!includesIpHeader) {
            return 0;
        }
        return len < 20 ? -1 : (buf.get(ValueLayout.JAVA_BYTE, 0) & 0x0f) * 4;
    }

    /**
     * Whether the datagram at {@code off} is an echo reply of ours: right type, enough bytes, our
     * token and, when {@code id} is not -1 (raw sockets, which see every ICMP packet), our id.
     */
    static boolean isOurReply(MemorySegment buf, long len, int off, boolean v6, int id, int token) {
        if (off < 0 || len - off < 16) {
            return false;
        }
        int type = buf.get(ValueLayout.JAVA_BYTE, off) & 0xff;
        if (type != (v6 ? ECHO_REPLY_V6 : ECHO_REPLY_V4)) {
            return false; // on lo a raw socket also sees our own requests
        }
        if (id != -1 && (buf.get(SHORT_BE, off + 4) & 0xffff) != id) {
            return false;
        }
        return buf.get(INT_BE, off + 8) == token;
    }

    static int seq(MemorySegment buf, int off) {
        return buf.get(SHORT_BE, off + 6) & 0xffff;
    }

    static int slot(MemorySegment buf, int off) {
        return buf.get(SHORT_BE, off + 12) & 0xffff;
    }

    static int generation(MemorySegment buf, int off) {
        return buf.get(SHORT_BE, off + 14) & 0xffff;
    }
}
