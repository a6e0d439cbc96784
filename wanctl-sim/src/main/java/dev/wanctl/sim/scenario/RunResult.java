package dev.wanctl.sim.scenario;

import dev.wanctl.core.runtime.FlightRecorder;
import dev.wanctl.sim.link.LinkTrace;
import dev.wanctl.sim.scorecard.Scorecard;
import java.util.Map;

/**
 * One controller's run: its scorecard and, when asked for, its flight recording (one row per
 * scenario interval) with the metadata a plot needs, and the link's trace (null when not kept).
 */
public record RunResult(Scorecard scorecard, FlightRecorder recording, Map<String, String> recordingMetadata,
                        LinkTrace linkTrace) {

    /** A run without a link trace. */
    public RunResult(Scorecard scorecard, FlightRecorder recording, Map<String, String> recordingMetadata) {
        this(scorecard, recording, recordingMetadata, null);
    }
}
