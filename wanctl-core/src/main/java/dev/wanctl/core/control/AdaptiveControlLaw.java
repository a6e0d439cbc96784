package dev.wanctl.core.control;

/**
 * The {@link AdaptiveLaw} behind the law seam ({@code continuous_monitoring.law: adaptive}): it
 * reads the RTT with its lateness, the delivered and applied rates. The law's arithmetic stays in
 * {@link AdaptiveLaw}; this class only feeds it and reports its decision. The state file's streaks
 * mean nothing to it: they are kept as restored, so a file written by the reference law keeps them.
 */
public final class AdaptiveControlLaw implements ControlLaw {

    private final ControllerParams params;
    private final AdaptiveLaw law;
    private final LawDecision decision = new LawDecision();
    private Streaks downloadStreaks = Streaks.NONE;
    private Streaks uploadStreaks = Streaks.NONE;

    public AdaptiveControlLaw(ControllerParams params) {
        if (params.adaptive() == null) {
            throw new IllegalArgumentException("the adaptive law needs its parameters");
        }
        this.params = params;
        this.law = new AdaptiveLaw(params.adaptive(), params.rtt().initialRttMs());
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
