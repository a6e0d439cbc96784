package dev.wanctl.autorate;

import dev.wanctl.core.control.Zone;
import java.util.Locale;

/**
 * What a replay did, for people: time per zone, rate range, router writes.
 *
 * @param dlZoneCycles cycles per download zone, indexed by {@link Zone#ordinal()}
 * @param ulZoneCycles cycles per upload zone
 */
public record ReplaySummary(
        long cycles,
        long intervalNanos,
        long lostCycles,
        long[] dlZoneCycles,
        long[] ulZoneCycles,
        long dlMinBps,
        double dlMeanBps,
        long dlMaxBps,
        long ulMinBps,
        double ulMeanBps,
        long ulMaxBps,
        long writes,
        long rateLimited) {

    /** A few lines of text. */
    public String describe() {
        double interval = intervalNanos / 1e9;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "replay: %d cycles (%.1f s at %d ms), %d without a measurement%n",
                cycles, cycles * interval, Math.round(interval * 1000), lostCycles));
        sb.append("time per zone, download: ").append(zones(dlZoneCycles, interval, true)).append('\n');
        sb.append("time per zone, upload:   ").append(zones(ulZoneCycles, interval, false)).append('\n');
        sb.append(String.format(Locale.ROOT, "download rate: min %s, mean %s, max %s%n", mbit(dlMinBps),
                mbit(dlMeanBps), mbit(dlMaxBps)));
        sb.append(String.format(Locale.ROOT, "upload rate:   min %s, mean %s, max %s%n", mbit(ulMinBps),
                mbit(ulMeanBps), mbit(ulMaxBps)));
        sb.append(String.format(Locale.ROOT, "router writes: %d (%.1f per minute); %d cycles held back by the rate"
                + " limiter%n", writes, cycles == 0 ? 0 : writes / (cycles * interval / 60), rateLimited));
        return sb.toString();
    }

    private String zones(long[] counts, double interval, boolean softRed) {
        StringBuilder sb = new StringBuilder();
        for (Zone z : Zone.values()) {
            if (z == Zone.SOFT_RED && !softRed) {
                continue;
            }
            long n = counts[z.ordinal()];
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(String.format(Locale.ROOT, "%s %.1f%% (%.1f s)", z, cycles == 0 ? 0 : 100.0 * n / cycles,
                    n * interval));
        }
        return sb.toString();
    }

    private static String mbit(double bps) {
        return String.format(Locale.ROOT, "%.1fM", bps / 1e6);
    }

    /** Accumulates a summary cycle by cycle. */
    static final class Builder {
        private final long intervalNanos;
        private long cycles;
        private long lost;
        private final long[] dlZones = new long[Zone.values().length];
        private final long[] ulZones = new long[Zone.values().length];
        private long dlMin = Long.MAX_VALUE;
        private long dlMax;
        private double dlSum;
        private long ulMin = Long.MAX_VALUE;
        private long ulMax;
        private double ulSum;
        private long writes;

        Builder(long intervalNanos) {
            this.intervalNanos = intervalNanos;
        }

        void cycle(Zone dl, Zone ul, long dlBps, long ulBps, boolean write, boolean lostMeasurement) {
            cycles++;
            dlZones[dl.ordinal()]++;
            ulZones[ul.ordinal()]++;
            dlMin = Math.min(dlMin, dlBps);
            dlMax = Math.max(dlMax, dlBps);
            dlSum += dlBps;
            ulMin = Math.min(ulMin, ulBps);
            ulMax = Math.max(ulMax, ulBps);
            ulSum += ulBps;
            if (write) {
                writes++;
            }
            if (lostMeasurement) {
                lost++;
            }
        }

        ReplaySummary build(long rateLimited) {
            boolean any = cycles > 0;
            return new ReplaySummary(cycles, intervalNanos, lost, dlZones.clone(), ulZones.clone(),
                    any ? dlMin : 0, any ? dlSum / cycles : 0, dlMax, any ? ulMin : 0, any ? ulSum / cycles : 0,
                    ulMax, writes, rateLimited);
        }
    }
}
