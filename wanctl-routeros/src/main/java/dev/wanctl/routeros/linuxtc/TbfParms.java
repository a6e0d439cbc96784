package dev.wanctl.routeros.linuxtc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A TBF qdisc's {@code struct tc_tbf_qopt} (36 bytes: rate and peak {@code tc_ratespec} of 12
 * bytes each, then {@code limit}, {@code buffer} in scheduler ticks, {@code mtu}) as the kernel
 * dumped it; changing the rate keeps everything else.
 */
record TbfParms(byte[] raw) {

    private static final int RATE_OFFSET = 8; // tc_ratespec: cell_log, linklayer, overhead, cell_align, mpu, rate
    private static final int BUFFER_OFFSET = 28;

    TbfParms {
        if (raw.length < TcMessages.TBF_QOPT_LEN) {
            throw new IllegalArgumentException("tc_tbf_qopt of " + raw.length + " bytes, expected 36");
        }
        raw = raw.clone();
    }

    /** The rate in the 32-bit field, bytes per second (saturated at 2^32 - 1). */
    long rate32BytesPerSecond() {
        return Integer.toUnsignedLong(buf().getInt(RATE_OFFSET));
    }

    long bufferTicks() {
        return Integer.toUnsignedLong(buf().getInt(BUFFER_OFFSET));
    }

    /** The bucket in bytes: the buffer time at the current rate. */
    long burstBytes() {
        return rate32BytesPerSecond() * bufferTicks() * TcMessages.PSCHED_TICK_NANOS / 1_000_000_000L;
    }

    /** These parameters at {@code rateBytesPerSecond}, with a buffer time that holds {@code burstBytes}. */
    TbfParms withRate(long rateBytesPerSecond, long burstBytes) {
        ByteBuffer b = buf();
        b.putInt(RATE_OFFSET, (int) Math.min(rateBytesPerSecond, 0xFFFFFFFFL));
        long ticks = rateBytesPerSecond == 0 ? 0
                : burstBytes * 1_000_000_000L / rateBytesPerSecond / TcMessages.PSCHED_TICK_NANOS;
        b.putInt(BUFFER_OFFSET, (int) Math.min(ticks, 0xFFFFFFFFL));
        byte[] out = new byte[raw.length];
        b.get(0, out);
        return new TbfParms(out);
    }

    private ByteBuffer buf() {
        return ByteBuffer.wrap(raw.clone()).order(ByteOrder.nativeOrder());
    }
}
