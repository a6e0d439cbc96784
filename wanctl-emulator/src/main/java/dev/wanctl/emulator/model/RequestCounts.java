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

    /**
     * The counts as a JSON-ready document (what {@code GET /wanctl/requests} answers):
     * {@code seconds} since {@code sinceNanos}, {@code total}, and per transport (lower case:
     * {@code rest}, {@code ssh}, {@code api}, {@code in_process}) its {@code read}, {@code write},
     * {@code total} and {@code per_second} (reads and writes, averaged over {@code seconds}).
     */
    public java.util.Map<String, Object> document(long sinceNanos) {
        double seconds = Math.max(0, atNanos - sinceNanos) / 1e9;
        java.util.Map<String, Object> transports = new java.util.LinkedHashMap<>();
        for (Transport t : Transport.values()) {
            java.util.Map<String, Object> one = new java.util.LinkedHashMap<>();
            one.put("read", count(t, RequestKind.READ));
            one.put("write", count(t, RequestKind.WRITE));
            one.put("total", total(t));
            one.put("per_second", perSecond(total(t), seconds));
            transports.put(t.name().toLowerCase(java.util.Locale.ROOT), one);
        }
        java.util.Map<String, Object> doc = new java.util.LinkedHashMap<>();
        doc.put("seconds", Math.round(seconds * 1000) / 1000.0);
        doc.put("total", total());
        doc.put("per_second", perSecond(total(), seconds));
        doc.put("transports", transports);
        return doc;
    }

    /**
     * One line per transport that received anything (all of them when none did), for a person:
     * {@code REST  1200 read, 3 write (20.05/s)}, after a line with the total and the time.
     */
    public String summary(long sinceNanos) {
        double seconds = Math.max(0, atNanos - sinceNanos) / 1e9;
        StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT,
                "Requests received in %.1f s: %d (%.2f/s)%n", seconds, total(), perSecond(total(), seconds)));
        for (Transport t : Transport.values()) {
            if (total(t) == 0 && total() != 0) {
                continue;
            }
            sb.append(String.format(java.util.Locale.ROOT, "  %-10s %d read, %d write (%.2f/s)%n",
                    t.name().replace('_', '-'), count(t, RequestKind.READ), count(t, RequestKind.WRITE),
                    perSecond(total(t), seconds)));
        }
        return sb.toString();
    }

    private static double perSecond(long n, double seconds) {
        return seconds <= 0 ? 0 : Math.round(n / seconds * 1000) / 1000.0;
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
