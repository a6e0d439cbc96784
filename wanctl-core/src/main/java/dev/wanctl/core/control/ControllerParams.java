package dev.wanctl.core.control;

import java.util.Objects;

/** Everything the autorate control law needs, already converted to per-cycle values and bit/s. */
public record ControllerParams(RttTrackerParams rtt, DownloadParams download, UploadParams upload) {

    public ControllerParams {
        Objects.requireNonNull(rtt, "rtt");
        Objects.requireNonNull(download, "download");
        Objects.requireNonNull(upload, "upload");
    }
}
