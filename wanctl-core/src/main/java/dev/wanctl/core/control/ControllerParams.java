package dev.wanctl.core.control;

import java.util.Objects;

/**
 * Everything the autorate control law needs, already converted to per-cycle values and bit/s.
 *
 * @param adaptive the adaptive law's parameters, or null for the reference law
 * @param counterIntervalsSec how often the byte counters are read, loaded and idle (adaptive only)
 */
public record ControllerParams(RttTrackerParams rtt, DownloadParams download, UploadParams upload,
        AdaptiveParams adaptive, double loadedCounterIntervalSec, double idleCounterIntervalSec) {

    public ControllerParams {
        Objects.requireNonNull(rtt, "rtt");
        Objects.requireNonNull(download, "download");
        Objects.requireNonNull(upload, "upload");
    }

    /** The reference law. */
    public ControllerParams(RttTrackerParams rtt, DownloadParams download, UploadParams upload) {
        this(rtt, download, upload, null, 0.5, 2.0);
    }

    /** Whether the adaptive law decides (else the reference law). */
    public boolean adaptiveLaw() {
        return adaptive != null;
    }
}
