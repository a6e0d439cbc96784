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
    private double lastRttMs = Double.NaN;

    public AutorateController(ControllerParams params) {
        this.params = params;
        this.tracker = new RttTracker(params.rtt());
        this.download = new DownloadPolicy(params.download());
        this.upload = new UploadPolicy(params.upload());
    }

    /** A normal cycle with an RTT measurement in ms. */
    public void update(double rttMs) {
        tracker.update(rttMs);
        lastRttMs = rttMs;
        double delta = tracker.deltaMs();
        download.update(delta);
        upload.update(delta);
    }

    /**
     * A cycle that reuses the loaded RTT as its measurement (fallback when probes are lost but
     * the internet is reachable).
     */
    public void updateWithLastLoad() {
        update(tracker.loadMs());
    }

    public double lastRttMs() {
        return lastRttMs;
    }

    public double loadMs() {
        return tracker.loadMs();
    }

    public double baselineMs() {
        return tracker.baselineMs();
    }

    public double deltaMs() {
        return tracker.deltaMs();
    }

    public Zone downloadZone() {
        return download.zone();
    }

    public Zone uploadZone() {
        return upload.zone();
    }

    public long downloadRateBps() {
        return download.rateBps();
    }

    public long uploadRateBps() {
        return upload.rateBps();
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
