package dev.wanctl.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A validated steering config: everything {@code wanctl steering} needs.
 *
 * @param primaryStateFile the primary WAN's autorate state file (baseline, zone)
 * @param stateStaleness an autorate state older than this is ignored
 * @param cakeStatsInterval how often the download queue's stats are read from the router
 */
public record SteeringConfig(
        Path source,
        String wanName,
        RouterConfig router,
        String primaryWan,
        String alternateWan,
        String mangleComment,
        Path primaryStateFile,
        Duration stateStaleness,
        String primaryDownloadQueue,
        String primaryUploadQueue,
        Duration interval,
        Duration cakeStatsInterval,
        ProbeConfig probe,
        Path stateFile,
        int historySize,
        Path lockFile,
        SteeringThresholds thresholds,
        boolean cakeAware,
        boolean useConfidenceScoring,
        ConfidenceConfig confidence,
        WanStateConfig wanState,
        EndpointConfig health,
        EndpointConfig metrics,
        RecordingConfig recording,
        Duration statusLogInterval,
        List<String> notes) {

    public SteeringConfig {
        notes = List.copyOf(notes);
    }

    /** {@code <PRIMARY>_GOOD}, e.g. {@code SPECTRUM_GOOD}. */
    public String goodStateName() {
        return primaryWan.toUpperCase(java.util.Locale.ROOT) + "_GOOD";
    }

    /** {@code <PRIMARY>_DEGRADED}. */
    public String degradedStateName() {
        return primaryWan.toUpperCase(java.util.Locale.ROOT) + "_DEGRADED";
    }
}
