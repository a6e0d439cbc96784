package dev.wanctl.routeros.linuxtc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A device's root qdisc as the kernel reports it in an {@code RTM_NEWQDISC} message: its kind, its
 * shaping rate when it is CAKE ({@code TCA_CAKE_BASE_RATE64}) or TBF, and the generic counters of
 * {@code TCA_STATS2} (bytes and packets sent, drops, backlog in bytes and packets).
 *
 * @param rateBytesPerSecond the shaper's rate; 0 for CAKE without a bandwidth (unlimited); -1 when
 *     the kind has no rate we know
 * @param tbf the TBF parameters (to change its rate), null for other kinds
 */
record RootQdisc(int ifindex, int handle, int parent, String kind, long rateBytesPerSecond, TbfParms tbf,
        long bytes, long packets, long drops, long backlogBytes, long backlogPackets) {

    /** Parses one netlink message (header included) of type {@code RTM_NEWQDISC}. */
    static RootQdisc parse(byte[] msg) {
        ByteBuffer b = ByteBuffer.wrap(msg).order(ByteOrder.nativeOrder());
        int len = Math.min(b.getInt(0), msg.length);
        int t = TcMessages.NLMSG_HDRLEN;
        if (len < t + TcMessages.TCMSG_LEN) {
            throw new IllegalArgumentException("qdisc message of " + len + " bytes is too short");
        }
        int ifindex = b.getInt(t + 4);
        int handle = b.getInt(t + 8);
        int parent = b.getInt(t + 12);
        String kind = null;
        int optionsAt = -1;
        int optionsLen = 0;
        long bytes = 0;
        long packets = 0;
        long drops = 0;
        long backlog = 0;
        long qlen = 0;
        for (int p = t + TcMessages.TCMSG_LEN; p + 4 <= len; ) {
            int alen = Short.toUnsignedInt(b.getShort(p));
            int type = b.getShort(p + 2) & 0x3FFF;
            if (alen < 4 || p + alen > len) {
                break;
            }
            int v = p + 4;
            int vlen = alen - 4;
            if (type == TcMessages.TCA_KIND) {
                kind = cString(msg, v, vlen);
            } else if (type == TcMessages.TCA_OPTIONS) {
                optionsAt = v;
                optionsLen = vlen;
            } else if (type == TcMessages.TCA_STATS2) {
                for (int q = v; q + 4 <= v + vlen; ) {
                    int slen = Short.toUnsignedInt(b.getShort(q));
                    int stype = b.getShort(q + 2) & 0x3FFF;
                    if (slen < 4 || q + slen > v + vlen) {
                        break;
                    }
                    if (stype == TcMessages.TCA_STATS_BASIC && slen >= 4 + 12) {
                        bytes = b.getLong(q + 4);
                        packets = Integer.toUnsignedLong(b.getInt(q + 12));
                    } else if (stype == TcMessages.TCA_STATS_PKT64 && slen >= 4 + 8) {
                        packets = b.getLong(q + 4);
                    } else if (stype == TcMessages.TCA_STATS_QUEUE && slen >= 4 + 20) {
                        qlen = Integer.toUnsignedLong(b.getInt(q + 4));
                        backlog = Integer.toUnsignedLong(b.getInt(q + 8));
                        drops = Integer.toUnsignedLong(b.getInt(q + 12));
                    }
                    q += align(slen);
                }
            }
            p += align(alen);
        }
        long rate = -1;
        TbfParms tbf = null;
        if (optionsAt >= 0 && "cake".equals(kind)) {
            Long r = u64(b, optionsAt, optionsLen, TcMessages.TCA_CAKE_BASE_RATE64);
            rate = r == null ? 0 : r;
        } else if (optionsAt >= 0 && "tbf".equals(kind)) {
            int at = find(b, optionsAt, optionsLen, TcMessages.TCA_TBF_PARMS);
            if (at >= 0 && Short.toUnsignedInt(b.getShort(at)) >= 4 + TcMessages.TBF_QOPT_LEN) {
                byte[] raw = new byte[TcMessages.TBF_QOPT_LEN];
                System.arraycopy(msg, at + 4, raw, 0, raw.length);
                tbf = new TbfParms(raw);
                Long r64 = u64(b, optionsAt, optionsLen, TcMessages.TCA_TBF_RATE64);
                rate = r64 != null ? r64 : tbf.rate32BytesPerSecond();
            }
        }
        return new RootQdisc(ifindex, handle, parent, kind == null ? "" : kind, rate, tbf, bytes, packets, drops,
                backlog, qlen);
    }

    /** {@code 8001:} as tc prints a handle. */
    String handleText() {
        return Integer.toHexString(handle >>> 16) + ":";
    }

    private static Long u64(ByteBuffer b, int at, int len, int type) {
        int p = find(b, at, len, type);
        return p >= 0 && Short.toUnsignedInt(b.getShort(p)) >= 12 ? b.getLong(p + 4) : null;
    }

    private static int find(ByteBuffer b, int at, int len, int type) {
        for (int p = at; p + 4 <= at + len; ) {
            int alen = Short.toUnsignedInt(b.getShort(p));
            if (alen < 4 || p + alen > at + len) {
                return -1;
            }
            if ((b.getShort(p + 2) & 0x3FFF) == type) {
                return p;
            }
            p += align(alen);
        }
        return -1;
    }

    static int align(int n) {
        return (n + 3) & ~3;
    }

    private static String cString(byte[] msg, int at, int len) {
        int end = at;
        while (end < at + len && msg[end] != 0) {
            end++;
        }
        return new String(msg, at, end - at, StandardCharsets.US_ASCII);
    }
}
