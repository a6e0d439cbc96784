package dev.wanctl.core.control;

import java.util.Objects;

/**
 * Everything the autorate control law needs, already converted to per-cycle values and bit/s: the
 * settings every law shares (RTT smoothing and bounds, each direction's floors, ceilings and zone
 * thresholds) and the chosen law's own parameters.
 *
 * @param law the chosen law's parameters ({@link ReferenceLaw#PARAMS} for the reference law)
 */
public record ControllerParams(RttTrackerParams rtt, DownloadParams download, UploadParams upload, LawParams law) {

    public ControllerParams {
        Objects.requireNonNull(rtt, "rtt");
        Objects.requireNonNull(download, "download");
        Objects.requireNonNull(upload, "upload");
        Objects.requireNonNull(law, "law");
    }

    /** The reference law. */
    public ControllerParams(RttTrackerParams rtt, DownloadParams download, UploadParams upload) {
        this(rtt, download, upload, ReferenceLaw.PARAMS);
    }

    /** The same settings on another law's parameters. */
    public ControllerParams withLaw(LawParams other) {
        return new ControllerParams(rtt, download, upload, other);
    }

    /** The chosen law's {@code continuous_monitoring.law} name. */
    public String lawName() {
        return law.type().name();
    }
}
