package dev.wanctl.core.probe;

/**
 * The echoes in flight per reflector slot: when each sequence number was sent and whether it was
 * answered. The receiver turns a reply into an RTT (discarding unknown, duplicate and late ones);
 * the sender later settles every echo as answered or lost for the health monitor. A ring per
 * slot, sized to outlive the timeout; the two threads meet on this object's lock (never the
 * control loop's).
 */
final class EchoLedger {

    /** Receives settled echoes. */
    @FunctionalInterface
    interface Outcomes {
        void settled(int slot, boolean answered, double rttMs);
    }

    private static final byte EMPTY = 0;
    private static final byte PENDING = 1;
    private static final byte ANSWERED = 2;
    private static final byte SETTLED = 3;

    private final int mask;
    private final long timeoutNanos;
    private final int[][] seq;
    private final long[][] sentAt;
    private final byte[][] state;
    private final double[][] rttMs;
    private long late;

    EchoLedger(int slots, long intervalNanos, long timeoutNanos) {
        int ring = Integer.highestOneBit((int) Math.min(1 << 14, timeoutNanos / intervalNanos + 4) * 2 - 1);
        this.mask = ring - 1;
        this.timeoutNanos = timeoutNanos;
        seq = new int[slots][ring];
        sentAt = new long[slots][ring];
        state = new byte[slots][ring];
        rttMs = new double[slots][ring];
    }

    int ringSize() {
        return mask + 1;
    }

    /** Echo {@code sequence} to {@code slot} is being sent at {@code nanos}. */
    synchronized void sent(int slot, int sequence, long nanos, Outcomes out) {
        int i = sequence & mask;
        settle(slot, i, out); // only if the ring was outrun: never lose an outcome
        seq[slot][i] = sequence;
        sentAt[slot][i] = nanos;
        state[slot][i] = PENDING;
    }

    /** A reply: its RTT in ms, or NaN when it is unknown, a duplicate, or later than the timeout. */
    synchronized double answered(int slot, int sequence, long nanos) {
        if (slot < 0 || slot >= seq.length) {
            return Double.NaN;
        }
        int i = sequence & mask;
        if (state[slot][i] != PENDING || seq[slot][i] != sequence) {
            return Double.NaN;
        }
        long rtt = nanos - sentAt[slot][i];
        if (rtt > timeoutNanos || rtt < 0) {
            late++;
            return Double.NaN;
        }
        state[slot][i] = ANSWERED;
        rttMs[slot][i] = rtt / 1e6;
        return rttMs[slot][i];
    }

    /** Settles every answered echo and every unanswered one older than the timeout. */
    synchronized void expire(long now, Outcomes out) {
        for (int s = 0; s < seq.length; s++) {
            for (int i = 0; i <= mask; i++) {
                if (state[s][i] == ANSWERED || state[s][i] == PENDING && now - sentAt[s][i] > timeoutNanos) {
                    settle(s, i, out);
                }
            }
        }
    }

    private void settle(int s, int i, Outcomes out) {
        byte st = state[s][i];
        if (st == ANSWERED || st == PENDING) {
            state[s][i] = SETTLED;
            out.settled(s, st == ANSWERED, rttMs[s][i]);
        }
    }

    /** Forgets a slot's echoes (its host was replaced). */
    synchronized void reset(int slot) {
        java.util.Arrays.fill(state[slot], EMPTY);
    }

    /** Replies discarded because they came after the timeout. */
    synchronized long lateReplies() {
        return late;
    }
}
