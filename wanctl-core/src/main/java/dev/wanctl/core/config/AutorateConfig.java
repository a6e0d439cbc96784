package dev.wanctl.core.config;

import dev.wanctl.core.control.ControllerParams;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A validated autorate config: everything {@code wanctl autorate} needs for one WAN, with rates
 * in bit/s and smoothing already converted to the configured interval.
 *
 * @param source the file it was loaded from
 * @param notes facts worth logging at start (derived alphas, time constants, counts)
 */
public record AutorateConfig(
        Path source,
        String wanName,
        RouterConfig router,
        RateLimitConfig rateLimit,
        QueueConfig queues,
        Duration interval,
        ControllerParams control,
        ProbeConfig probe,
        FallbackConfig fallback,
        Path stateFile,
        Duration stateWriteInterval,
        Path lockFile,
        EndpointConfig health,
        EndpointConfig metrics,
        RecordingConfig recording,
        Duration statusLogInterval,
        List<String> notes) {

    public AutorateConfig {
        notes = List.copyOf(notes);
    }
}
