package dev.wanctl.sim.link;

import java.util.Locale;

/**
 * The router's shaper on one direction's queue, at its {@code max-limit} (0: no shaper, everything
 * passes). A fluid queue in bytes; per millisecond it sends at most its rate. Two disciplines:
 *
 * <ul>
 *   <li>{@code cake}: CoDel (target {@value #CODEL_TARGET_MS} ms, interval
 *       {@value #CODEL_INTERVAL_MS} ms) on the bulk queue: once the sojourn has stayed above the
 *       target for an interval it drops one packet, then again after {@code interval / sqrt(count)},
 *       until the sojourn is back under the target; each drop is a loss to the flow sending most.
 *       A hard limit of {@value #CAKE_LIMIT_MS} ms at the rate tail-drops beyond it. Sparse flows
 *       (pings, a call) are served ahead of the bulk queue: they wait one packet's serialisation.</li>
 *   <li>{@code fifo}: a tail-drop FIFO of {@code fifoMs} at the current rate (a bfifo leaf, as in
 *       a namespace testbed without sch_cake); every packet waits behind the whole queue.</li>
 * </ul>
 */
public final class ShaperQueue {

    /** CoDel's target sojourn, ms. */
    public static final double CODEL_TARGET_MS = 5.0;
    /** CoDel's interval, ms. */
    public static final double CODEL_INTERVAL_MS = 100.0;
    /** CAKE's hard buffer limit, ms at its rate (about 4 x rate x interval). */
    public static final double CAKE_LIMIT_MS = 400.0;

    /** The queueing discipline behind the rate limit. */
    public enum Discipline {
        CAKE, FIFO;

        /** The lower-case name used in scenario files. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How the shaper queues: {@code cake}, or a tail-drop {@code fifo} of {@code fifoMs}. */
    public record Setup(Discipline discipline, double fifoMs) {
        /** CAKE, as on the router. */
        public static final Setup CAKE = new Setup(Discipline.CAKE, 0);

        public Setup {
            if (discipline == Discipline.FIFO && !(fifoMs > 0)) {
                throw new IllegalArgumentException("a fifo shaper needs fifo_ms > 0, got " + fifoMs);
            }
        }

        /** For reports: {@code CAKE} or {@code FIFO 5 ms}. */
        public String describe() {
            return discipline == Discipline.CAKE ? "CAKE (CoDel 5/100 ms, sparse flows isolated)"
                    : String.format(Locale.ROOT, "tail-drop FIFO %.0f ms at its rate", fifoMs);
        }
    }

    private final Setup setup;
    private double queueBytes;
    private double delayMs;
    private double sparseDelayMs;
    private double sentBytes;
    private double tailDroppedBytes;
    private double arrivedBytes;
    private int aqmDrops;
    private double sentTotal;
    private double droppedTotal;
    // CoDel state
    private boolean dropping;
    private double firstAboveMs = -1;
    private double dropNextMs;
    private int count;

    public ShaperQueue(Setup setup) {
        this.setup = setup;
    }

    /**
     * Millisecond {@code ms}: {@code arrivals} bytes arrive, at most the rate leaves.
     *
     * @return bytes sent on
     */
    public double step(long ms, long rateBps, double arrivals) {
        aqmDrops = 0;
        tailDroppedBytes = 0;
        arrivedBytes = arrivals;
        if (rateBps <= 0) {
            sentBytes = queueBytes + arrivals;
            queueBytes = 0;
            delayMs = 0;
            sparseDelayMs = 0;
            dropping = false;
            firstAboveMs = -1;
            sentTotal += sentBytes;
            return sentBytes;
        }
        double perMs = rateBps / 8000.0;
        double backlog = queueBytes + arrivals;
        double sent = Math.min(backlog, perMs);
        double q = backlog - sent;
        double limitMs = setup.discipline() == Discipline.FIFO ? setup.fifoMs() : CAKE_LIMIT_MS;
        double limit = Math.max(2 * TcpSenders.SEGMENT_BYTES, limitMs * perMs);
        if (q > limit) {
            tailDroppedBytes = q - limit;
            q = limit;
        }
        if (setup.discipline() == Discipline.CAKE) {
            q = codel(ms, q, perMs);
        }
        queueBytes = q;
        delayMs = q / perMs;
        sparseDelayMs = setup.discipline() == Discipline.CAKE ? Math.min(delayMs, TcpSenders.SEGMENT_BYTES / perMs)
                : delayMs;
        sentBytes = sent;
        sentTotal += sent;
        droppedTotal += tailDroppedBytes + aqmDrops * TcpSenders.SEGMENT_BYTES;
        return sent;
    }

    private double codel(long ms, double q, double perMs) {
        double sojournMs = q / perMs;
        if (sojournMs < CODEL_TARGET_MS || q < TcpSenders.SEGMENT_BYTES) {
            firstAboveMs = -1;
            dropping = false;
            return q;
        }
        if (!dropping) {
            if (firstAboveMs < 0) {
                firstAboveMs = ms + CODEL_INTERVAL_MS;
                return q;
            }
            if (ms < firstAboveMs) {
                return q;
            }
            dropping = true;
            count = count > 2 && ms - dropNextMs < 16 * CODEL_INTERVAL_MS ? count - 2 : 1;
            dropNextMs = ms;
        }
        while (ms >= dropNextMs && q >= TcpSenders.SEGMENT_BYTES) {
            q -= TcpSenders.SEGMENT_BYTES;
            aqmDrops++;
            count++;
            dropNextMs += CODEL_INTERVAL_MS / Math.sqrt(count);
        }
        return q;
    }

    /** Bytes sent on in the last millisecond. */
    public double sentBytes() {
        return sentBytes;
    }

    /** Bytes tail-dropped in the last millisecond (over the hard limit or the FIFO's size). */
    public double tailDroppedBytes() {
        return tailDroppedBytes;
    }

    /** Packets CoDel dropped in the last millisecond. */
    public int aqmDrops() {
        return aqmDrops;
    }

    /** Bytes queued now. */
    public double queueBytes() {
        return queueBytes;
    }

    /** Delay of the bulk queue now, ms. */
    public double delayMs() {
        return delayMs;
    }

    /** Delay a sparse flow (a ping, a call) sees now, ms: one packet under CAKE, the whole queue in a FIFO. */
    public double sparseDelayMs() {
        return sparseDelayMs;
    }

    /**
     * The chance a probe arriving in the last millisecond was dropped: a FIFO's tail-drop fraction;
     * 0 under CAKE, which drops from the fattest flow, never a sparse one.
     */
    public double probeDropFraction() {
        return setup.discipline() == Discipline.FIFO && arrivedBytes > 0 ? tailDroppedBytes / arrivedBytes : 0.0;
    }

    /** Bytes passed on since the start: the queue's byte counter. */
    public double sentTotalBytes() {
        return sentTotal;
    }

    /** Bytes dropped since the start: the queue's drop counter, in bytes. */
    public double droppedTotalBytes() {
        return droppedTotal;
    }

    /** The discipline. */
    public Setup setup() {
        return setup;
    }
}
