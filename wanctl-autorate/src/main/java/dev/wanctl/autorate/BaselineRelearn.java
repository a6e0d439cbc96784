package dev.wanctl.autorate;

import dev.wanctl.core.control.ControlLaw;
import dev.wanctl.core.control.RttTrackerParams;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-learns a baseline restored from the state file that is plainly below every RTT since the
 * start: the baseline only learns while the delta is under the freeze threshold, so a baseline
 * that every sample exceeds by more than that can never rise (a restored 1 ms held a download
 * YELLOW for minutes). If every measured RTT of the first {@link #WINDOW_NANOS} after a restore
 * exceeds the baseline by more than the freeze threshold, the smallest of them becomes the
 * baseline, once, with a WARN. Only after a restore: a baseline learned while running is trusted.
 * Owned by the loop thread; allocation-free per cycle.
 */
final class BaselineRelearn {

    private static final Logger LOG = LoggerFactory.getLogger(BaselineRelearn.class);
    static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** Fewer samples than this in the window say nothing (a dead probe). */
    private static final int MIN_SAMPLES = 20;

    private final String wan;
    private boolean armed;
    private long startNanos = Long.MIN_VALUE;
    private double minRttMs = Double.POSITIVE_INFINITY;
    private int samples;

    BaselineRelearn(String wan) {
        this.wan = wan;
    }

    /** A baseline was restored: watch the first window from the next sample. */
    void arm() {
        armed = true;
        startNanos = Long.MIN_VALUE;
        minRttMs = Double.POSITIVE_INFINITY;
        samples = 0;
    }

    /** One measured RTT (ms) at {@code nowNanos}, after the law's step; a stuck baseline is re-learned in whichever law runs. */
    void sample(double rttMs, long nowNanos, ControlLaw law) {
        if (!armed || !(rttMs >= 0)) {
            return;
        }
        if (startNanos == Long.MIN_VALUE) {
            startNanos = nowNanos;
        }
        if (rttMs < minRttMs) {
            minRttMs = rttMs;
        }
        samples++;
        double baseline = law.decision().baselineMs();
        RttTrackerParams p = law.params().rtt();
        double freeze = p.freezeThresholdMs();
        if (minRttMs - baseline <= freeze) {
            armed = false; // some sample let the baseline learn: it is not stuck
            return;
        }
        if (nowNanos - startNanos >= WINDOW_NANOS && samples >= MIN_SAMPLES) {
            armed = false;
            double relearned = Math.min(p.baselineMaxMs(), Math.max(p.baselineMinMs(), minRttMs));
            LOG.warn("{}: restored baseline {} ms is below every RTT of the first {} s (lowest {} ms, freeze threshold"
                    + " {} ms): it could never learn; re-learned as {} ms", wan, CycleLine.one(baseline),
                    WINDOW_NANOS / 1_000_000_000L, CycleLine.one(minRttMs), CycleLine.one(freeze),
                    CycleLine.one(relearned));
            law.relearnBaseline(relearned);
        }
    }
}
