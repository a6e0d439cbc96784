package dev.wanctl.core.control;

/**
 * One WAN's control law: RTT sample in, download and upload rates out. Both directions act on
 * the same delta (RTT cannot tell which direction is loaded). No clock, no I/O, no allocation per
 * cycle: the daemon, the simulator and {@code wanctl replay} all drive this same class.
 */
public final class AutorateController {

    private final ControllerParams params;
    private final RttTracker tracker;
    private final DownloadPolicy download;
    private final UploadPolicy upload;
    private final AdaptiveLaw adaptive; // null: the reference law
    private double lastRttMs = Double.NaN;
    private double lateByMs;
    private double dlDeliveredBps = Double.NaN;
    private double ulDeliveredBps = Double.NaN;
    private long dlAppliedBps;
    private long ulAppliedBps;

    public AutorateController(ControllerParams params) {
        this.params = params;
        this.tracker = new RttTracker(params.rtt());
        this.download = new DownloadPolicy(params.download());
        this.upload = new UploadPolicy(params.upload());
        this.adaptive = params.adaptive() == null ? null : new AdaptiveLaw(params.adaptive(), params.rtt().initialRttMs());
    }

    /**
     * What the next {@link #update} may know besides the RTT (the adaptive law reads it; the
     * reference law ignores it).
     *
     * @param lateByMs how late the RTT's replies are (0: fresh)
     * @param dlDeliveredBps the download's delivered rate from its byte counter, NaN if unknown
     * @param ulDeliveredBps the upload's, NaN if unknown
     * @param dlAppliedBps the download rate the router has, 0 if unknown
     * @param ulAppliedBps the upload rate the router has, 0 if unknown
     */
    public void observe(double lateByMs, double dlDeliveredBps, double ulDeliveredBps, long dlAppliedBps,
            long ulAppliedBps) {
        this.lateByMs = lateByMs;
        this.dlDeliveredBps = dlDeliveredBps;
        this.ulDeliveredBps = ulDeliveredBps;
        this.dlAppliedBps = dlAppliedBps;
        this.ulAppliedBps = ulAppliedBps;
    }

    /** A normal cycle with an RTT measurement in ms. */
    public void update(double rttMs) {
        lastRttMs = rttMs;
        if (adaptive != null) {
            adaptive.step(rttMs, lateByMs, dlDeliveredBps, ulDeliveredBps, dlAppliedBps, ulAppliedBps);
            return;
        }
        tracker.update(rttMs);
        double delta = tracker.deltaMs();
        download.update(delta);
        upload.update(delta);
    }

    /** The adaptive law when it decides, else null. */
    public AdaptiveLaw adaptive() {
        return adaptive;
    }

    /**
     * A cycle that reuses the loaded RTT as its measurement (fallback when probes are lost but
     * the internet is reachable).
     */
    public void updateWithLastLoad() {
        update(loadMs());
    }

    public double lastRttMs() {
        return lastRttMs;
    }

    public double loadMs() {
        return adaptive != null ? adaptive.loadMs() : tracker.loadMs();
    }

    public double baselineMs() {
        return adaptive != null ? adaptive.baselineMs() : tracker.baselineMs();
    }

    public double deltaMs() {
        return adaptive != null ? adaptive.deltaMs() : tracker.deltaMs();
    }

    public Zone downloadZone() {
        return adaptive != null ? adaptive.downloadZone() : download.zone();
    }

    public Zone uploadZone() {
        return adaptive != null ? adaptive.uploadZone() : upload.zone();
    }

    public long downloadRateBps() {
        return adaptive != null ? adaptive.downloadRateBps() : download.rateBps();
    }

    public long uploadRateBps() {
        return adaptive != null ? adaptive.uploadRateBps() : upload.rateBps();
    }

    public RttTracker tracker() {
        return tracker;
    }

    public DownloadPolicy download() {
        return download;
    }

    public UploadPolicy upload() {
        return upload;
    }

    public ControllerParams params() {
        return params;
    }
}
