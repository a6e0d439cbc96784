package dev.wanctl.core.control;

import java.util.List;

/**
 * The reference implementation's control law: the RTT sample updates a loaded-RTT and a baseline
 * EWMA ({@link RttTracker}); both directions act on the same delta (RTT cannot tell which direction
 * is loaded), download in four zones ({@link DownloadPolicy}), upload in three
 * ({@link UploadPolicy}). Reads neither sample ages nor delivered rates. Allocation-free per step.
 */
public final class ReferenceLaw implements ControlLaw {

    /** The reference law has no parameters beyond those every law shares. */
    public static final LawParams PARAMS = new NoParams();

    /** {@code law: reference}, the default: no keys of its own. */
    static final LawType TYPE = new LawType(ControlLaws.REFERENCE, "the Python reference's zones, bit-exact", null,
            List.of(), (section, reference) -> PARAMS, ReferenceLaw::new);

    private record NoParams() implements LawParams {
        @Override
        public LawType type() {
            return TYPE;
        }
    }

    private final ControllerParams params;
    private final RttTracker tracker;
    private final DownloadPolicy download;
    private final UploadPolicy upload;
    private final LawDecision decision = new LawDecision();

    public ReferenceLaw(ControllerParams params) {
        this.params = params;
        this.tracker = new RttTracker(params.rtt());
        this.download = new DownloadPolicy(params.download());
        this.upload = new UploadPolicy(params.upload());
        publish(Double.NaN);
    }

    @Override
    public LawDecision step(LawInput in) {
        double rttMs = in.rttMs();
        tracker.update(rttMs);
        double delta = tracker.deltaMs();
        download.update(delta);
        upload.update(delta);
        return publish(rttMs);
    }

    private LawDecision publish(double rttMs) {
        return decision.rates(download.zone(), download.rateBps(), upload.zone(), upload.rateBps())
                .rtt(rttMs, tracker.loadMs(), tracker.baselineMs(), tracker.deltaMs())
                .baselineRejectedByBounds(tracker.baselineRejectedByBounds());
    }

    @Override
    public LawDecision decision() {
        return decision;
    }

    @Override
    public ControllerState state() {
        return new ControllerState(new ControllerState.Direction(download.rateBps(), download.streaks()),
                new ControllerState.Direction(upload.rateBps(), upload.streaks()),
                new ControllerState.Rtt(tracker.baselineMs(), tracker.loadMs()));
    }

    @Override
    public void restore(ControllerState state) {
        if (state.download() != null) {
            download.restore(state.download().rateBps(), state.download().streaks());
        }
        if (state.upload() != null) {
            upload.restore(state.upload().rateBps(), state.upload().streaks());
        }
        if (state.rtt() != null) {
            double load = state.rtt().loadMs();
            // an unknown load starts idle, at the restored baseline
            tracker.restore(state.rtt().baselineMs(), Double.isNaN(load) ? state.rtt().baselineMs() : load);
        }
        publish(decision.rttMs());
    }

    @Override
    public void relearnBaseline(double baselineMs) {
        tracker.restore(baselineMs, tracker.loadMs());
        publish(decision.rttMs());
    }

    @Override
    public ControllerParams params() {
        return params;
    }
}
