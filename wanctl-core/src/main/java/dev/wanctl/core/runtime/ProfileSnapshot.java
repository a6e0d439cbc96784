package dev.wanctl.core.runtime;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The cycle profile at one moment, for the status log and /health; public because daemons put it
 * in their health JSON (it serialises as-is with Jackson).
 *
 * @param windowCycles how many recordings per phase the statistics cover at most
 */
public record ProfileSnapshot(int windowCycles, List<PhaseStats> phases) {

    /** One log line: {@code profile (last 1200 cycles): probe mean=... ms; control ...}. */
    public String toLogLine() {
        return phases.stream().map(PhaseStats::toLogText)
                .collect(Collectors.joining("; ", "profile (last " + windowCycles + " cycles): ", ""));
    }
}
