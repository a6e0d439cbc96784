package dev.wanctl.sim.testbed;

import dev.wanctl.sim.link.Direction;
import dev.wanctl.sim.scenario.Scenario;
import dev.wanctl.sim.scorecard.DirectionResult;
import dev.wanctl.sim.scorecard.DirectionScore;
import dev.wanctl.sim.scorecard.Scorecard;

/**
 * Scores a testbed run with the simulator's own {@link DirectionScore}, one sample per
 * millisecond, so every number means what it means in {@code wanctl simulate}.
 *
 * <p>Added latency is the user's ping: each millisecond gets the RTT of the last echo sent at or
 * before it, minus the run's lowest RTT (the base: relay, veths, scheduling). One ping crosses
 * both directions, so its added delay goes to the loaded direction; while both are loaded, to
 * both; while neither is, to the one loaded last (its queue is the one draining).
 */
final class TestbedScorer {

    private TestbedScorer() {}

    static Scorecard score(Scenario s, String controller, Recording r, double[][] replies, long[] initialShaperBps) {
        DirectionScore dl = new DirectionScore(s.download().floorBps(), initialShaperBps[0]);
        DirectionScore ul = new DirectionScore(s.upload().floorBps(), initialShaperBps[1]);
        double[] sent = replies[0];
        double[] rtt = replies[1];
        double base = Double.POSITIVE_INFINITY;
        for (double v : rtt) {
            base = Math.min(base, v);
        }
        int next = 0;
        double added = 0;
        int lastLoaded = -1;
        for (int ms = 0; ms < r.durationMs; ms++) {
            while (next < sent.length && sent[next] <= ms) {
                added = Math.max(0, rtt[next] - base);
                next++;
            }
            boolean dlLoaded = r.loaded[0][ms];
            boolean ulLoaded = r.loaded[1][ms];
            if (dlLoaded != ulLoaded) {
                lastLoaded = dlLoaded ? 0 : 1;
            }
            boolean toDl = dlLoaded || (!ulLoaded && lastLoaded != 1);
            boolean toUl = ulLoaded || (!dlLoaded && lastLoaded != 0);
            sample(dl, r, Direction.DOWNLOAD, ms, toDl ? added : 0);
            sample(ul, r, Direction.UPLOAD, ms, toUl ? added : 0);
        }
        DirectionResult down = dl.finish();
        DirectionResult up = ul.finish();
        return Scorecard.of(s.name(), controller, s.seed(), r.durationMs / 1000.0, down, up);
    }

    /**
     * The user's ping while neither direction is loaded (added ms, 50th and 99th percentile): the
     * testbed's own noise (relay wake-ups, a busy machine), to read the loaded numbers against.
     */
    static double[] idleNoiseMs(Recording r, double[][] replies) {
        double base = Double.POSITIVE_INFINITY;
        for (double v : replies[1]) {
            base = Math.min(base, v);
        }
        double[] idle = new double[replies[0].length];
        int n = 0;
        for (int i = 0; i < replies[0].length; i++) {
            int ms = (int) replies[0][i];
            // a second clear of any load on either side, so a draining queue does not count
            if (ms >= 0 && ms < r.durationMs && quiet(r, ms - 1000) && quiet(r, ms)) {
                idle[n++] = replies[1][i] - base;
            }
        }
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] sorted = java.util.Arrays.copyOf(idle, n);
        java.util.Arrays.sort(sorted);
        return new double[] {sorted[(int) Math.ceil(0.5 * n) - 1], sorted[(int) Math.ceil(0.99 * n) - 1]};
    }

    private static boolean quiet(Recording r, int ms) {
        return ms >= 0 && ms < r.durationMs && !r.loaded[0][ms] && !r.loaded[1][ms];
    }

    private static void sample(DirectionScore score, Recording r, Direction d, int ms, double addedMs) {
        int i = Recording.index(d);
        score.sample(ms, r.loaded[i][ms], addedMs, r.deliveredBytes[i][ms], r.capacityBytes[i][ms],
                r.capacityBps[i][ms], r.shaperBps[i][ms]);
    }
}
