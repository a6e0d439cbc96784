package dev.wanctl.core.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per-phase cycle timings over a rolling window of the last N recordings of each phase (e.g.
 * 1200 = 60 s of 50 ms cycles), so an operator sees where a cycle's time goes without a profiler.
 * Public: both daemons time their phases with it and show it in the status log, on /health and
 * in {@code --profile} lines.
 *
 * <p>One thread records (the loop); {@link #record} is a couple of stores and allocates nothing.
 * {@link #snapshot()} may be called from any thread: it copies the window (values written during
 * the copy may come from adjacent cycles, which does not matter for statistics).
 */
public final class CycleProfiler {

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    private final String[] names;
    private final long[][] rings;
    private final long[] counts;
    private final int window;

    /** A profiler keeping the last {@code windowCycles} timings of each named phase. */
    public CycleProfiler(int windowCycles, String... phaseNames) {
        if (windowCycles < 1) {
            throw new IllegalArgumentException("window must hold at least one cycle, got " + windowCycles);
        }
        if (phaseNames.length == 0) {
            throw new IllegalArgumentException("name at least one phase");
        }
        this.names = phaseNames.clone();
        this.window = windowCycles;
        this.rings = new long[phaseNames.length][windowCycles];
        this.counts = new long[phaseNames.length];
    }

    /** A profiler whose window covers {@code windowNanos} of cycles every {@code intervalNanos}. */
    public static CycleProfiler forWindow(long windowNanos, long intervalNanos, String... phaseNames) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("interval must be positive, got " + intervalNanos + " ns");
        }
        long cycles = Math.max(1, windowNanos / intervalNanos);
        return new CycleProfiler((int) Math.min(cycles, 1 << 20), phaseNames);
    }

    /** The index of a phase, looked up once at start and then passed to {@link #record}. */
    public int phase(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown phase '" + name + "', known: " + Arrays.toString(names));
    }

    /** Records that phase {@code phase} took {@code nanos} in this cycle. */
    public void record(int phase, long nanos) {
        long n = counts[phase];
        SLOT.setOpaque(rings[phase], (int) (n % window), nanos);
        SLOT.setRelease(counts, phase, n + 1);
    }

    /** The most recent timing of a phase, 0 before the first. */
    public long lastNanos(int phase) {
        long n = (long) SLOT.getAcquire(counts, phase);
        return n == 0 ? 0 : (long) SLOT.getOpaque(rings[phase], (int) ((n - 1) % window));
    }

    /**
     * Appends the latest timing of every phase, e.g. {@code probe=0.012 control=0.004 total=0.031}
     * (milliseconds), for a {@code --profile} per-cycle log line.
     */
    public void appendLastCycle(StringBuilder sb) {
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(names[i]).append('=');
            appendMillis(sb, lastNanos(i));
        }
        sb.append(" ms");
    }

    private static void appendMillis(StringBuilder sb, long nanos) {
        long micros = nanos / 1_000;
        sb.append(micros / 1_000).append('.');
        long frac = micros % 1_000;
        if (frac < 100) {
            sb.append('0');
        }
        if (frac < 10) {
            sb.append('0');
        }
        sb.append(frac);
    }

    /** Statistics of every phase over the current window. */
    public ProfileSnapshot snapshot() {
        List<PhaseStats> phases = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            long n = (long) SLOT.getAcquire(counts, i);
            int size = (int) Math.min(n, window);
            long[] copy = new long[size];
            for (int k = 0; k < size; k++) {
                copy[k] = (long) SLOT.getOpaque(rings[i], k);
            }
            phases.add(PhaseStats.of(names[i], n, copy));
        }
        return new ProfileSnapshot(window, List.copyOf(phases));
    }
}
