package dev.wanctl.sim.link;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What the link did, one row per {@code periodMs} and direction, so that a run can be compared
 * with a testbed's queue samples ({@code wanctl simulate --record FILE} writes it beside the
 * flight recording as {@code FILE-link.csv}): the capacity, the shaper's rate, what the senders
 * put on the wire, each queue's delay and drops, and what reached the far side. Plain arrays,
 * sized at the start; a row is filled from the millisecond steps in between.
 */
public final class LinkTrace {

    /** The CSV's columns, per row and direction. */
    public static final String HEADER = "t_s,dir,capacity_mbps,shaper_mbps,sent_mbps,isp_queue_ms,isp_drop_mbps,"
            + "shaper_queue_ms,shaper_drop_mbps,delivered_mbps,flow_rtt_ms,window_kb,flows";
    private static final int COLUMNS = 11;

    private final int periodMs;
    private final float[][] rows;
    private final double[][] sums = new double[2][COLUMNS];
    private int filled;
    private int inPeriod;

    /** @param periodMs ms per row; @param durationMs the run's length */
    public LinkTrace(int periodMs, long durationMs) {
        if (periodMs < 1) {
            throw new IllegalArgumentException("link trace period must be >= 1 ms, got " + periodMs);
        }
        this.periodMs = periodMs;
        int n = (int) Math.min(Integer.MAX_VALUE / 2, durationMs / periodMs + 1);
        rows = new float[2 * n][COLUMNS];
    }

    /** Adds the millisecond the link just stepped. */
    public void sample(Link link, ShaperRates rates) {
        for (Direction d : Direction.values()) {
            LinkDirection ld = link.direction(d);
            double[] s = sums[d.ordinal()];
            s[0] += ld.capacityBps();
            s[1] += rates.maxLimitBps(d);
            s[2] += ld.offeredBytes();
            s[3] += ld.fifoDelayMs();
            s[4] += ld.fifoDroppedBytes();
            s[5] += ld.shaperDelayMs();
            s[6] += ld.shaperTailDroppedBytes();
            s[7] += ld.deliveredBytes();
            s[8] += ld.flowRttMs();
            s[9] += ld.senders().windowBytes();
            s[10] += ld.senders().activeFlows();
        }
        if (++inPeriod == periodMs) {
            flush();
        }
    }

    private void flush() {
        if (2 * filled + 1 >= rows.length) {
            inPeriod = 0;
            return;
        }
        for (int d = 0; d < 2; d++) {
            double[] s = sums[d];
            float[] r = rows[2 * filled + d];
            double n = inPeriod;
            r[0] = (float) (s[0] / n / 1e6);
            r[1] = (float) (s[1] / n / 1e6);
            r[2] = (float) (s[2] * 8 / n / 1000);
            r[3] = (float) (s[3] / n);
            r[4] = (float) (s[4] * 8 / n / 1000);
            r[5] = (float) (s[5] / n);
            r[6] = (float) (s[6] * 8 / n / 1000);
            r[7] = (float) (s[7] * 8 / n / 1000);
            r[8] = (float) (s[8] / n);
            r[9] = (float) (s[9] / n / 1024);
            r[10] = (float) (s[10] / n);
            java.util.Arrays.fill(s, 0);
        }
        filled++;
        inPeriod = 0;
    }

    /** Writes the rows as CSV; a row's time is the end of its period. */
    public void dumpCsv(Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            for (int i = 0; i < filled; i++) {
                for (int d = 0; d < 2; d++) {
                    float[] r = rows[2 * i + d];
                    w.write(String.format(Locale.ROOT, "%.3f,%s,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%.1f,%.0f%n",
                            (i + 1) * periodMs / 1000.0, d == 0 ? "down" : "up", r[0], r[1], r[2], r[3], r[4], r[5],
                            r[6], r[7], r[8], r[9], r[10]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write link trace " + file + ": " + e.getMessage(), e);
        }
    }
}
