package dev.wanctl.core.control;

/** Parameter sets shaped like the reference implementation's example configs. */
final class Fixtures {

    static final long M = 1_000_000L;

    private Fixtures() {}

    /** The cable example: floors 550/350/275/200, ceiling 940, step 10, factor 0.85, 15/45/80 ms. */
    static DownloadParams cableDownload() {
        return new DownloadParams(550 * M, 350 * M, 275 * M, 200 * M, 940 * M, 10 * M, 0.85, 1.0, 5, 3,
                new Thresholds(15, 45, 80), Hysteresis.OFF);
    }

    /** The cable example's upload: floor 8, ceiling 38, step 1, factor 0.90. */
    static UploadParams cableUpload() {
        return new UploadParams(8 * M, 38 * M, 1 * M, 0.90, 1.0, 5, new Thresholds(15, 45, 80), Hysteresis.OFF);
    }

    static RttTrackerParams rtt(double initial, double baselineAlpha, double loadAlpha) {
        return new RttTrackerParams(initial, baselineAlpha, loadAlpha, 3.0, 1, 250);
    }
}
