package dev.wanctl.autorate;

import dev.wanctl.core.control.LawDecision;
import java.util.Locale;

/**
 * The reference implementation's per-cycle line, which operators grep and {@code wanctl
 * soak-report} parses (docs/LOGGING.md):
 * {@code spectrum: [GREEN/GREEN] RTT=25.5ms, load_ewma=27.6ms, baseline=26.9ms, delta=0.7ms | DL=940M, UL=38M}.
 */
final class CycleLine {

    private CycleLine() {}

    /** The cycle line of a decision; its RTT is the one the law last stepped with (the loaded one before any). */
    static StringBuilder format(StringBuilder sb, String wan, LawDecision c) {
        double rtt = Double.isNaN(c.rttMs()) ? c.loadMs() : c.rttMs();
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
