package dev.wanctl.routeros.linuxtc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The rtnetlink messages of the tc backend, as bytes in the host's byte order (what the kernel
 * expects on this machine), after {@code linux/netlink.h}, {@code linux/rtnetlink.h},
 * {@code linux/pkt_sched.h} and {@code linux/gen_stats.h}: a dump of a device's qdiscs,
 * and a change of a CAKE qdisc's {@code bandwidth} or of a TBF qdisc's {@code rate} (TBF is what the
 * tests shape with on kernels without {@code sch_cake}). Pure: no I/O, so each byte is testable.
 */
final class TcMessages {

    static final int NLMSG_HDRLEN = 16;
    static final int TCMSG_LEN = 20;

    static final short NLMSG_ERROR = 2;
    static final short NLMSG_DONE = 3;
    static final short RTM_NEWQDISC = 36;
    static final short RTM_GETQDISC = 38;

    static final short NLM_F_REQUEST = 0x1;
    static final short NLM_F_ACK = 0x4;
    static final short NLM_F_DUMP = 0x300;
    static final short NLM_F_ACK_TLVS = 0x200;
    static final short NLMSGERR_ATTR_MSG = 1;

    static final int TC_H_ROOT = 0xFFFFFFFF;

    static final short TCA_KIND = 1;
    static final short TCA_OPTIONS = 2;
    static final short TCA_STATS2 = 7;

    static final short TCA_STATS_BASIC = 1;
    static final short TCA_STATS_QUEUE = 3;
    static final short TCA_STATS_PKT64 = 8;

    static final short TCA_CAKE_BASE_RATE64 = 2;

    static final short TCA_TBF_PARMS = 1;
    static final short TCA_TBF_RATE64 = 4;
    static final short TCA_TBF_BURST = 6;
    static final int TBF_QOPT_LEN = 36;

    /** The kernel's packet-scheduler tick: 64 ns ({@code PSCHED_SHIFT} 6). */
    static final long PSCHED_TICK_NANOS = 64;

    private static final ByteOrder HOST = ByteOrder.nativeOrder();

    private TcMessages() {}

    /**
     * {@code RTM_GETQDISC} dumping the qdiscs of {@code ifindex}, as {@code tc qdisc show dev X} asks
     * (a plain get of the root does not answer on every kernel); the root is the one whose parent is
     * {@code TC_H_ROOT}.
     */
    static byte[] dumpQdiscs(int seq, int ifindex) {
        ByteBuffer b = message(RTM_GETQDISC, (short) (NLM_F_REQUEST | NLM_F_DUMP), seq, ifindex, 0, 0, 64);
        return finish(b);
    }

    /**
     * {@code RTM_NEWQDISC} without create or replace flags, i.e. {@code tc qdisc change dev X root
     * cake bandwidth ...}: only {@code TCA_CAKE_BASE_RATE64} (bytes per second) inside
     * {@code TCA_OPTIONS}, so every other CAKE setting stays as the operator made it.
     */
    static byte[] changeCakeRate(int seq, int ifindex, int handle, long rateBytesPerSecond) {
        ByteBuffer b = message(RTM_NEWQDISC, (short) (NLM_F_REQUEST | NLM_F_ACK), seq, ifindex, handle, TC_H_ROOT,
                128);
        stringAttr(b, TCA_KIND, "cake");
        int options = beginNest(b, TCA_OPTIONS);
        u64Attr(b, TCA_CAKE_BASE_RATE64, rateBytesPerSecond);
        endNest(b, options);
        return finish(b);
    }

    /**
     * {@code RTM_NEWQDISC} changing a TBF qdisc's rate: its current parameters ({@code parms}, as
     * dumped) with the new rate, the same burst in bytes ({@code TCA_TBF_BURST}, from which the
     * kernel derives the bucket time) and {@code TCA_TBF_RATE64} when the rate needs 64 bits.
     */
    static byte[] changeTbfRate(int seq, int ifindex, int handle, TbfParms parms, long rateBytesPerSecond) {
        ByteBuffer b = message(RTM_NEWQDISC, (short) (NLM_F_REQUEST | NLM_F_ACK), seq, ifindex, handle, TC_H_ROOT,
                160);
        stringAttr(b, TCA_KIND, "tbf");
        int options = beginNest(b, TCA_OPTIONS);
        long burst = parms.burstBytes();
        byte[] q = parms.withRate(rateBytesPerSecond, burst).raw();
        attrHeader(b, TCA_TBF_PARMS, q.length);
        b.put(q);
        pad(b);
        u32Attr(b, TCA_TBF_BURST, (int) Math.min(burst, 0xFFFFFFFFL));
        if (rateBytesPerSecond >= (1L << 32)) {
            u64Attr(b, TCA_TBF_RATE64, rateBytesPerSecond);
        }
        endNest(b, options);
        return finish(b);
    }

    private static ByteBuffer message(short type, short flags, int seq, int ifindex, int handle, int parent,
            int capacity) {
        ByteBuffer b = ByteBuffer.allocate(capacity).order(HOST);
        b.putInt(0); // length, set by finish
        b.putShort(type);
        b.putShort(flags);
        b.putInt(seq);
        b.putInt(0); // port id: the kernel fills in ours
        b.put((byte) 0); // tcm_family AF_UNSPEC
        b.put((byte) 0);
        b.putShort((short) 0);
        b.putInt(ifindex);
        b.putInt(handle);
        b.putInt(parent);
        b.putInt(0); // tcm_info
        return b;
    }

    private static byte[] finish(ByteBuffer b) {
        int len = b.position();
        b.putInt(0, len);
        byte[] out = new byte[len];
        b.get(0, out);
        return out;
    }

    private static void attrHeader(ByteBuffer b, short type, int payload) {
        b.putShort((short) (4 + payload));
        b.putShort(type);
    }

    private static void pad(ByteBuffer b) {
        while ((b.position() & 3) != 0) {
            b.put((byte) 0);
        }
    }

    private static void stringAttr(ByteBuffer b, short type, String s) {
        byte[] v = s.getBytes(StandardCharsets.US_ASCII);
        attrHeader(b, type, v.length + 1);
        b.put(v);
        b.put((byte) 0);
        pad(b);
    }

    private static void u64Attr(ByteBuffer b, short type, long v) {
        attrHeader(b, type, 8);
        b.putLong(v);
    }

    private static void u32Attr(ByteBuffer b, short type, int v) {
        attrHeader(b, type, 4);
        b.putInt(v);
    }

    private static int beginNest(ByteBuffer b, short type) {
        int at = b.position();
        attrHeader(b, type, 0);
        return at;
    }

    private static void endNest(ByteBuffer b, int at) {
        b.putShort(at, (short) (b.position() - at));
    }
}
