package dev.wanctl.sim.link;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A traffic schedule compiled into piecewise-constant demand per direction (greedy or not, plus
 * fixed bytes per millisecond), read with a forward-only cursor: nothing is allocated per step.
 * Web-like on/off periods are drawn once at compile time from the scenario's seed.
 */
public final class TrafficSchedule {

    private final Map<Direction, Track> tracks = new EnumMap<>(Direction.class);
    private final Map<Direction, List<TcpSenders.Group>> groups = new EnumMap<>(Direction.class);

    private TrafficSchedule() {
    }

    /** Compiles the flows; {@code random} decides the web-like periods. */
    public static TrafficSchedule compile(List<Flow> flows, SplittableRandom random) {
        Map<Direction, List<double[]>> edges = new EnumMap<>(Direction.class);
        TrafficSchedule s = new TrafficSchedule();
        for (Direction d : Direction.values()) {
            edges.put(d, new ArrayList<>());
            s.groups.put(d, new ArrayList<>());
        }
        for (Flow f : flows) {
            List<long[]> periods = periods(f, random);
            if (f.greedy()) {
                long[] starts = periods.stream().mapToLong(p -> p[0]).toArray();
                long[] ends = periods.stream().mapToLong(p -> p[1]).toArray();
                for (Direction d : f.directions()) {
                    s.groups.get(d).add(new TcpSenders.Group(starts, ends, f.flows()));
                }
            }
            for (long[] on : periods) {
                for (Direction d : Direction.values()) {
                    if (f.directions().contains(d)) {
                        double greedy = f.greedy() ? 1 : 0;
                        double bytes = f.greedy() ? 0 : f.rateMbps() * 1e6 / 8000.0;
                        edges.get(d).add(new double[] {on[0], greedy, bytes});
                        edges.get(d).add(new double[] {on[1], -greedy, -bytes});
                    }
                }
            }
        }
        for (Direction d : Direction.values()) {
            s.tracks.put(d, Track.sweep(edges.get(d)));
        }
        return s;
    }

    /** The saturating entries of the direction, in schedule order, with their on-periods: what its TCP senders run. */
    public List<TcpSenders.Group> senderGroups(Direction d) {
        return List.copyOf(groups.get(d));
    }

    private static List<long[]> periods(Flow f, SplittableRandom random) {
        long end = f.atMs() + f.forMs();
        List<long[]> out = new ArrayList<>();
        switch (f.kind()) {
            case BURST -> {
                for (long t = f.atMs(); t < end; t += f.onMs() + f.offMs()) {
                    out.add(new long[] {t, Math.min(end, t + f.onMs())});
                }
            }
            case WEB -> {
                long t = f.atMs();
                while (t < end) {
                    long on = Math.max(100, Math.round(random.nextExponential() * f.onMs()));
                    long off = Math.max(100, Math.round(random.nextExponential() * f.offMs()));
                    out.add(new long[] {t, Math.min(end, t + on)});
                    t += on + off;
                }
            }
            default -> out.add(new long[] {f.atMs(), end});
        }
        return out;
    }

    /** Moves the direction's cursor to {@code ms} (non-decreasing). */
    public void moveTo(Direction d, long ms) {
        tracks.get(d).moveTo(ms);
    }

    /** Whether saturating flows are on in the direction at the cursor. */
    public boolean greedy(Direction d) {
        return tracks.get(d).greedyNow;
    }

    /** Bytes per millisecond of rate-limited flows in the direction at the cursor. */
    public double fixedBytesPerMs(Direction d) {
        return tracks.get(d).bytesNow;
    }

    /** Total time with saturating flows on in the direction, within {@code [0, durationMs)}. */
    public long greedyMs(Direction d, long durationMs) {
        return tracks.get(d).greedyMs(durationMs);
    }

    private static final class Track {
        private final long[] start;
        private final boolean[] greedy;
        private final double[] bytes;
        private int index = -1;
        boolean greedyNow;
        double bytesNow;

        private Track(long[] start, boolean[] greedy, double[] bytes) {
            this.start = start;
            this.greedy = greedy;
            this.bytes = bytes;
        }

        static Track sweep(List<double[]> edges) {
            edges.sort(Comparator.comparingDouble(e -> e[0]));
            long[] start = new long[edges.size() + 1];
            boolean[] greedy = new boolean[edges.size() + 1];
            double[] bytes = new double[edges.size() + 1];
            int n = 0;
            int greedyCount = 0;
            double rate = 0;
            for (int i = 0; i < edges.size(); ) {
                long t = (long) edges.get(i)[0];
                while (i < edges.size() && (long) edges.get(i)[0] == t) {
                    greedyCount += (int) edges.get(i)[1];
                    rate += edges.get(i)[2];
                    i++;
                }
                if (Math.abs(rate) < 1e-9) {
                    rate = 0;
                }
                start[n] = t;
                greedy[n] = greedyCount > 0;
                bytes[n] = rate;
                n++;
            }
            return new Track(Arrays.copyOf(start, n), Arrays.copyOf(greedy, n), Arrays.copyOf(bytes, n));
        }

        void moveTo(long ms) {
            while (index + 1 < start.length && start[index + 1] <= ms) {
                index++;
            }
            greedyNow = index >= 0 && greedy[index];
            bytesNow = index >= 0 ? bytes[index] : 0;
        }

        long greedyMs(long durationMs) {
            long total = 0;
            for (int i = 0; i < start.length; i++) {
                if (greedy[i]) {
                    long end = i + 1 < start.length ? start[i + 1] : durationMs;
                    total += Math.max(0, Math.min(end, durationMs) - Math.min(start[i], durationMs));
                }
            }
            return total;
        }
    }
}
