package dev.wanctl.emulator.model;

/**
 * Requests the emulated router received up to one moment, per transport and kind; two snapshots
 * give the load a daemon puts on the router ({@link #perSecondSince}).
 *
 * @param atNanos the emulator clock's monotonic time of the snapshot
 * @param counts indexed by {@code transport.ordinal() * 2 + kind.ordinal()}
 */
public record RequestCounts(long atNanos, long[] counts) {

    public RequestCounts {
        counts = counts.clone();
    }

    /** Requests over {@code t} of kind {@code k} at the snapshot. */
    public long count(Transport t, RequestKind k) {
        return counts[t.ordinal() * 2 + k.ordinal()];
    }

    /** Reads plus writes over one transport. */
    public long total(Transport t) {
        return count(t, RequestKind.READ) + count(t, RequestKind.WRITE);
    }

    /** Requests over every transport. */
    public long total() {
        long sum = 0;
        for (long c : counts) {
            sum += c;
        }
        return sum;
    }

    /** Requests per second of one transport and kind between {@code earlier} and this snapshot. */
    public double perSecondSince(RequestCounts earlier, Transport t, RequestKind k) {
        return rate(count(t, k) - earlier.count(t, k), earlier);
    }

    /** Requests per second of one transport (reads and writes) between {@code earlier} and this snapshot. */
    public double perSecondSince(RequestCounts earlier, Transport t) {
        return rate(total(t) - earlier.total(t), earlier);
    }

    private double rate(long delta, RequestCounts earlier) {
        long nanos = atNanos - earlier.atNanos;
        return nanos <= 0 ? 0 : delta * 1e9 / nanos;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RequestCounts r && r.atNanos == atNanos && java.util.Arrays.equals(r.counts, counts);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(atNanos) * 31 + java.util.Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("RequestCounts[");
        for (Transport t : Transport.values()) {
            sb.append(t).append(' ').append(count(t, RequestKind.READ)).append("r/")
                    .append(count(t, RequestKind.WRITE)).append("w ");
        }
        return sb.append("at ").append(atNanos).append("ns]").toString();
    }
}
