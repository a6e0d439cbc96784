package dev.wanctl.autorate;

import dev.wanctl.core.control.AutorateController;
import java.util.Locale;

/**
 * The reference implementation's per-cycle line, which operators grep and {@code wanctl
 * soak-report} parses (docs/LOGGING.md):
 * {@code spectrum: [GREEN/GREEN] RTT=25.5ms, load_ewma=27.6ms, baseline=26.9ms, delta=0.7ms | DL=940M, UL=38M}.
 */
final class CycleLine {

    private CycleLine() {}

    /** The cycle line; {@code rttMs} is the RTT the cycle used (the last measured one after a loss). */
    static StringBuilder format(StringBuilder sb, String wan, AutorateController c) {
        double rtt = Double.isNaN(c.lastRttMs()) ? c.loadMs() : c.lastRttMs();
        sb.append(wan).append(": [").append(c.downloadZone().name()).append('/').append(c.uploadZone().name())
                .append("] RTT=").append(one(rtt)).append("ms, load_ewma=").append(one(c.loadMs()))
                .append("ms, baseline=").append(one(c.baselineMs())).append("ms, delta=").append(one(c.deltaMs()))
                .append("ms | DL=").append(Math.round(c.downloadRateBps() / 1e6)).append("M, UL=")
                .append(Math.round(c.uploadRateBps() / 1e6)).append('M');
        return sb;
    }

    static String one(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
