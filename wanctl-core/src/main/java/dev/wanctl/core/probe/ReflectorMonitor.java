package dev.wanctl.core.probe;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Decides, from the outcome of each echo, which reflectors are unhealthy (silent, lossy, or far
 * above the others) and when to swap one for a spare. Pure: fed outcomes and times, no threads,
 * no I/O; the probe's sender thread owns it.
 */
final class ReflectorMonitor {

    private final ReflectorThresholds th;
    private final String[] configured;
    private final String[] current;
    private final Deque<String> spares;
    private final boolean[][] answered;
    private final double[][] rttMs;
    private final int[] filled;
    private final int[] next;
    private final int[] consecutiveTimeouts;
    private final int[] consecutiveReplies;
    private final double[] lastRttMs;
    private final boolean[] unresolved;
    private final ReflectorState[] state;
    private final long[] badSinceNanos;
    private final long[] lastReplaceNanos;

    ReflectorMonitor(List<String> hosts, List<String> spareHosts, ReflectorThresholds thresholds) {
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("at least one reflector is needed");
        }
        int n = hosts.size();
        th = thresholds;
        configured = hosts.toArray(String[]::new);
        current = configured.clone();
        spares = new ArrayDeque<>(spareHosts);
        answered = new boolean[n][th.windowSamples()];
        rttMs = new double[n][th.windowSamples()];
        filled = new int[n];
        next = new int[n];
        consecutiveTimeouts = new int[n];
        consecutiveReplies = new int[n];
        lastRttMs = new double[n];
        Arrays.fill(lastRttMs, Double.NaN);
        unresolved = new boolean[n];
        state = new ReflectorState[n];
        Arrays.fill(state, ReflectorState.OK);
        badSinceNanos = new long[n];
        lastReplaceNanos = new long[n];
        Arrays.fill(lastReplaceNanos, Long.MIN_VALUE / 2);
    }

    int slots() {
        return configured.length;
    }

    /** The host probed in {@code slot} now. */
    String host(int slot) {
        return current[slot];
    }

    /** The outcome of one echo to the reflector in {@code slot}; {@code rtt} is ignored when not answered. */
    void record(int slot, boolean gotReply, double rtt) {
        int i = next[slot];
        answered[slot][i] = gotReply;
        rttMs[slot][i] = gotReply ? rtt : Double.NaN;
        next[slot] = (i + 1) % th.windowSamples();
        filled[slot] = Math.min(filled[slot] + 1, th.windowSamples());
        if (gotReply) {
            consecutiveTimeouts[slot] = 0;
            consecutiveReplies[slot]++;
            lastRttMs[slot] = rtt;
        } else {
            consecutiveReplies[slot] = 0;
            consecutiveTimeouts[slot]++;
        }
    }

    /** Whether the host in {@code slot} resolves to an address the probe can reach. */
    void setUnresolved(int slot, boolean value) {
        unresolved[slot] = value;
    }

    /** Re-judges every slot; the events say what changed (an empty list most of the time). */
    List<ReflectorEvent> evaluate(long nowNanos) {
        List<ReflectorEvent> events = List.of();
        for (int s = 0; s < configured.length; s++) {
            ReflectorState before = state[s];
            ReflectorState after = judge(s, before);
            if (after != before) {
                events = mutable(events);
                state[s] = after;
                if (before == ReflectorState.OK) {
                    badSinceNanos[s] = nowNanos;
                    events.add(new ReflectorEvent.WentBad(s, current[s], after, why(s, after)));
                } else if (after == ReflectorState.OK) {
                    events.add(new ReflectorEvent.Recovered(s, current[s], before, nowNanos - badSinceNanos[s]));
                }
            }
            if (state[s] != ReflectorState.OK && !spares.isEmpty()
                    && nowNanos - lastReplaceNanos[s] >= th.replaceCooldownNanos()) {
                events = mutable(events);
                events.add(replace(s, nowNanos));
            }
        }
        return events;
    }

    private static List<ReflectorEvent> mutable(List<ReflectorEvent> events) {
        return events.isEmpty() ? new ArrayList<>(2) : events;
    }

    private ReflectorEvent replace(int s, long nowNanos) {
        String old = current[s];
        String spare = spares.pollFirst();
        spares.addLast(old); // may be fine again later
        current[s] = spare;
        lastReplaceNanos[s] = nowNanos;
        filled[s] = 0;
        next[s] = 0;
        consecutiveTimeouts[s] = 0;
        consecutiveReplies[s] = 0;
        lastRttMs[s] = Double.NaN;
        unresolved[s] = false;
        state[s] = ReflectorState.OK;
        return new ReflectorEvent.Replaced(s, old, spare);
    }

    private ReflectorState judge(int s, ReflectorState now) {
        return switch (now) {
            case OK -> firstProblem(s);
            case UNRESOLVED -> unresolved[s] ? now : firstProblem(s);
            case NO_REPLY -> consecutiveReplies[s] >= th.recoverAfterReplies() ? firstProblem(s) : now;
            case LOSSY -> lossRatio(s) <= th.maxLossRatio() / 2 ? firstProblem(s) : now;
            case OUTLIER -> isOutlier(s, ReflectorThresholds.OUTLIER_RECOVERY) ? now : firstProblem(s);
        };
    }

    private ReflectorState firstProblem(int s) {
        if (unresolved[s]) {
            return ReflectorState.UNRESOLVED;
        }
        if (consecutiveTimeouts[s] >= th.noReplyAfter()) {
            return ReflectorState.NO_REPLY;
        }
        if (filled[s] == th.windowSamples() && lossRatio(s) > th.maxLossRatio()) {
            return ReflectorState.LOSSY;
        }
        if (isOutlier(s, 1.0)) {
            return ReflectorState.OUTLIER;
        }
        return ReflectorState.OK;
    }

    private String why(int s, ReflectorState st) {
        return switch (st) {
            case UNRESOLVED -> "its name does not resolve to an address that can be probed";
            case NO_REPLY -> "no reply to the last " + consecutiveTimeouts[s] + " echoes";
            case LOSSY -> String.format(java.util.Locale.ROOT, "%.0f%% of the last %d echoes timed out",
                    lossRatio(s) * 100, filled[s]);
            case OUTLIER -> String.format(java.util.Locale.ROOT,
                    "its minimum RTT %.1f ms is far above the others' median %.1f ms", recentMin(s), othersMedian(s));
            case OK -> "";
        };
    }

    /** Recent minimum far above the median of the other healthy reflectors' minimums; {@code scale} < 1 relaxes for recovery. */
    private boolean isOutlier(int s, double scale) {
        double min = recentMin(s);
        double others = othersMedian(s);
        if (Double.isNaN(min) || Double.isNaN(others)) {
            return false;
        }
        double factor = 1 + (th.outlierFactor() - 1) * scale;
        return min > others * factor && min - others > th.outlierExcessMs() * scale;
    }

    private double othersMedian(int s) {
        double[] mins = new double[configured.length];
        int n = 0;
        for (int o = 0; o < configured.length; o++) {
            if (o != s && state[o] != ReflectorState.OUTLIER) {
                double m = recentMin(o);
                if (!Double.isNaN(m)) {
                    mins[n++] = m;
                }
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(mins, 0, n);
        return n % 2 == 1 ? mins[n / 2] : (mins[n / 2 - 1] + mins[n / 2]) / 2;
    }

    private double recentMin(int s) {
        double min = Double.NaN;
        for (int i = 0; i < filled[s]; i++) {
            double v = rttMs[s][i];
            if (!Double.isNaN(v) && (Double.isNaN(min) || v < min)) {
                min = v;
            }
        }
        return min;
    }

    private double lossRatio(int s) {
        if (filled[s] == 0) {
            return 0;
        }
        int lost = 0;
        for (int i = 0; i < filled[s]; i++) {
            if (!answered[s][i]) {
                lost++;
            }
        }
        return (double) lost / filled[s];
    }

    /** The status of every slot, for /health. */
    List<ReflectorStatus> status() {
        List<ReflectorStatus> list = new ArrayList<>(configured.length);
        for (int s = 0; s < configured.length; s++) {
            String replacement = current[s].equals(configured[s]) ? null : current[s];
            list.add(new ReflectorStatus(configured[s], state[s], lastRttMs[s], lossRatio(s) * 100, replacement));
        }
        return List.copyOf(list);
    }
}
