package dev.wanctl.core.control;

import java.util.List;
import java.util.Locale;

/**
 * The {@link AdaptiveLaw} behind the law seam ({@code continuous_monitoring.law: adaptive}): it
 * reads the RTT with its lateness, the delivered and applied rates. The law's arithmetic stays in
 * {@link AdaptiveLaw}; this class only feeds it and reports its decision. The state file's streaks
 * mean nothing to it: they are kept as restored, so a file written by the reference law keeps them.
 */
public final class AdaptiveControlLaw implements ControlLaw {

    static final LawKey CUT_ABOVE = new LawKey("cut_above_ms", 1, 500, AdaptiveParams.DEFAULT_CUT_ABOVE_MS, "ms",
            "Delay over the baseline above which a loaded direction is cut");
    static final LawKey GROW_BELOW = new LawKey("grow_below_ms", 0.5, 500, AdaptiveParams.DEFAULT_GROW_BELOW_MS, "ms",
            "Delay over the baseline below which a loaded direction may grow");
    static final LawKey DRAIN = new LawKey("drain_sec", 0.1, 10, AdaptiveParams.DEFAULT_DRAIN_SEC, "s",
            "A cut is sized to drain the queue behind the delay in about this long");
    static final LawKey CUT_HOLD = new LawKey("cut_hold_sec", 0, 10, AdaptiveParams.DEFAULT_CUT_HOLD_SEC, "s",
            "After a cut, no further cut for this long unless the delay keeps growing");
    static final LawKey GROW_ROOM = new LawKey("grow_room_per_sec", 0, 10, AdaptiveParams.DEFAULT_GROW_ROOM_PER_SEC, "",
            "Growth per second as a fraction of the room left below the ceiling");
    static final LawKey STANDING = new LawKey("standing_sec", 0.5, 600, AdaptiveParams.DEFAULT_STANDING_SEC, "s",
            "Delay that stays this long although the loaded directions were cut is not ours: the baseline takes it");
    static final LawKey COUNTERS_LOADED = new LawKey("counter_interval_sec", 0.1, 60, 0.5, "s",
            "How often the queues' byte counters are read while a direction is loaded (one router request for both"
                    + " queues)");
    static final LawKey COUNTERS_IDLE = new LawKey("idle_counter_interval_sec", 0.1, 600, 3.0, "s",
            "How often they are read while both directions are idle");

    /** {@code law: adaptive}, its keys under {@code continuous_monitoring.adaptive}. */
    static final LawType TYPE = new LawType(ControlLaws.ADAPTIVE,
            "reads what each direction delivers; docs/ADAPTIVE_LAW.md", "Parameters of the adaptive law (law: adaptive)",
            List.of(CUT_ABOVE, GROW_BELOW, DRAIN, CUT_HOLD, GROW_ROOM, STANDING, COUNTERS_LOADED, COUNTERS_IDLE),
            AdaptiveControlLaw::read, AdaptiveControlLaw::new);

    /**
     * The adaptive law's parameters: the law's own, and how often the pipeline reads the byte counters.
     *
     * @param law what {@link AdaptiveLaw} steps with
     * @param loadedCounterIntervalSec how often the counters are read while a direction is loaded
     * @param idleCounterIntervalSec how often while both directions are idle
     */
    public record Params(AdaptiveParams law, double loadedCounterIntervalSec, double idleCounterIntervalSec)
            implements LawParams {

        public Params {
            java.util.Objects.requireNonNull(law, "law");
            if (!(loadedCounterIntervalSec > 0) || !(idleCounterIntervalSec > 0)) {
                throw new IllegalArgumentException("counter intervals must be positive, got "
                        + loadedCounterIntervalSec + " and " + idleCounterIntervalSec);
            }
        }

        @Override
        public LawType type() {
            return TYPE;
        }
    }

    /** The parameters from the {@code adaptive} section, at the config's floors, ceilings and interval. */
    private static LawParams read(LawSection s, ControllerParams reference) {
        double cut = s.number(CUT_ABOVE);
        double grow = s.number(GROW_BELOW);
        if (grow > cut) {
            s.error(GROW_BELOW, "must not exceed cut_above_ms (" + s.fmt(cut) + "), got " + s.fmt(grow));
            return null;
        }
        double intervalSec = s.intervalSec();
        long dlFloor = reference.download().floorRedBps();
        long dlCeil = reference.download().ceilingBps();
        long ulFloor = reference.upload().floorBps();
        long ulCeil = reference.upload().ceilingBps();
        AdaptiveParams d = AdaptiveParams.defaults(intervalSec, dlFloor, dlCeil, ulFloor, ulCeil);
        AdaptiveParams p = new AdaptiveParams(intervalSec, dlFloor, dlCeil, ulFloor, ulCeil, cut, grow,
                s.number(DRAIN), d.minCutFactor(), d.maxCutFactor(), s.number(CUT_HOLD), d.activeFraction(),
                d.loadedFraction(), d.ackFraction(), s.number(GROW_ROOM), d.growCeilingPerSec(),
                d.maxStepFraction(), d.loadTimeConstantSec(), d.baselineDownSec(), d.baselineUpIdleSec(),
                d.baselineUpLoadedSec(), s.number(STANDING));
        s.note(String.format(Locale.ROOT, "law: adaptive (cut above %s ms, grow below %s ms, drain %s s, standing"
                + " delay after %s s)", s.fmt(cut), s.fmt(grow), s.fmt(p.drainSec()), s.fmt(p.standingSec())));
        return new Params(p, s.number(COUNTERS_LOADED), s.number(COUNTERS_IDLE));
    }

    private final ControllerParams params;
    private final Params own;
    private final AdaptiveLaw law;
    private final LawDecision decision = new LawDecision();
    private Streaks downloadStreaks = Streaks.NONE;
    private Streaks uploadStreaks = Streaks.NONE;

    public AdaptiveControlLaw(ControllerParams params) {
        if (!(params.law() instanceof Params p)) {
            throw new IllegalArgumentException("the adaptive law needs its parameters, got those of the "
                    + params.lawName() + " law");
        }
        this.params = params;
        this.own = p;
        this.law = new AdaptiveLaw(p.law(), params.rtt().initialRttMs());
        publish(Double.NaN);
    }

    @Override
    public LawDecision step(LawInput in) {
        law.step(in.rttMs(), in.lateByMs(), in.downloadDeliveredBps(), in.uploadDeliveredBps(),
                in.downloadAppliedBps(), in.uploadAppliedBps());
        return publish(in.rttMs());
    }

    private LawDecision publish(double rttMs) {
        return decision.rates(law.downloadZone(), law.downloadRateBps(), law.uploadZone(), law.uploadRateBps())
                .rtt(rttMs, law.loadMs(), law.baselineMs(), law.deltaMs())
                .load(law.downloadActive(), law.uploadActive(), law.downloadActive() || law.uploadActive()
                        || law.deltaMs() > law.params().growBelowMs())
                .restoring(law.downloadRestoreBps(), law.uploadRestoreBps());
    }

    @Override
    public LawDecision decision() {
        return decision;
    }

    @Override
    public boolean readsDeliveredRates() {
        return true;
    }

    @Override
    public long loadedCounterIntervalNanos() {
        return Math.round(own.loadedCounterIntervalSec() * 1e9);
    }

    @Override
    public long idleCounterIntervalNanos() {
        return Math.round(own.idleCounterIntervalSec() * 1e9);
    }

    @Override
    public double freshCountersAboveMs() {
        return law.params().cutAboveMs(); // where a cut starts
    }

    @Override
    public ControllerState state() {
        return new ControllerState(new ControllerState.Direction(law.downloadRateBps(), downloadStreaks),
                new ControllerState.Direction(law.uploadRateBps(), uploadStreaks),
                new ControllerState.Rtt(law.baselineMs(), law.loadMs()));
    }

    @Override
    public void restore(ControllerState state) {
        if (!state.any()) {
            return;
        }
        if (state.download() != null) {
            downloadStreaks = state.download().streaks();
        }
        if (state.upload() != null) {
            uploadStreaks = state.upload().streaks();
        }
        ControllerState.Rtt rtt = state.rtt();
        law.restore(state.download() != null ? state.download().rateBps() : law.downloadRateBps(),
                state.upload() != null ? state.upload().rateBps() : law.uploadRateBps(),
                rtt != null ? rtt.baselineMs() : -1, rtt != null && !Double.isNaN(rtt.loadMs()) ? rtt.loadMs() : -1);
        publish(decision.rttMs());
    }

    @Override
    public void relearnBaseline(double baselineMs) {
        law.restore(law.downloadRateBps(), law.uploadRateBps(), baselineMs, law.loadMs());
        publish(decision.rttMs());
    }

    /** How many times delay that shaping could not remove was taken into the baseline. */
    public long standingEvents() {
        return law.standingEvents();
    }

    @Override
    public ControllerParams params() {
        return params;
    }
}
