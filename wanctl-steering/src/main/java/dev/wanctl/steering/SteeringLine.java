package dev.wanctl.steering;

import dev.wanctl.core.control.Zone;

/**
 * The reference implementation's steering cycle line, which operators grep and {@code wanctl
 * soak-report} parses (docs/LOGGING.md):
 * {@code [SPECTRUM_GOOD] rtt=0.0ms ewma=0.1ms drops=0 q=0 | congestion=GREEN}, where {@code rtt}
 * is the RTT delta over the baseline and {@code ewma} its smoothed value.
 */
final class SteeringLine {

    private SteeringLine() {}

    static StringBuilder format(StringBuilder sb, String state, double deltaMs, double ewmaMs, long drops,
            long queuedPackets, Zone congestion) {
        sb.append('[').append(state).append("] rtt=");
        one(sb, deltaMs).append("ms ewma=");
        one(sb, ewmaMs).append("ms drops=").append(drops).append(" q=").append(queuedPackets)
                .append(" | congestion=").append(congestion.name());
        return sb;
    }

    /** One decimal, without the formatter's allocations (the line is built every cycle at DEBUG). */
    static StringBuilder one(StringBuilder sb, double v) {
        if (!Double.isFinite(v)) {
            return sb.append("0.0");
        }
        long tenths = Math.round(v * 10);
        if (tenths < 0) {
            sb.append('-');
            tenths = -tenths;
        }
        return sb.append(tenths / 10).append('.').append(tenths % 10);
    }
}
