package dev.wanctl.sim.scenario;

import dev.wanctl.core.control.Thresholds;
import dev.wanctl.sim.link.Direction;
import dev.wanctl.sim.link.Flow;
import dev.wanctl.sim.link.ReflectorSpec;
import dev.wanctl.sim.link.SenderSetup;
import java.util.List;

/**
 * A described link and the traffic on it, everything a run needs besides the controller: loaded
 * from a scenario file (bundled or the user's own) by {@link ScenarioLoader}.
 *
 * @param configPath the wanctl config this scenario stands for (e.g. {@code configs/spectrum.yaml})
 * @param thresholds the delay thresholds of the config (for plots); null without a config
 * @param intervalMs the controller cycle the scenario is scored at; also the flight-recording interval
 * @param pathStepEveryMs how often the path's base RTT jumps (0: never), Starlink-like
 * @param senders the TCP senders' knobs (base RTT, receive window, ACK load)
 * @param steeringConfig the steering config that runs beside the wanctl daemon (e.g.
 *     {@code configs/steering.yaml}), null for none
 */
public record Scenario(
        String name,
        String description,
        String configPath,
        long durationMs,
        long seed,
        int intervalMs,
        Thresholds thresholds,
        DirectionSetup download,
        DirectionSetup upload,
        List<ReflectorSpec> reflectors,
        long pathStepEveryMs,
        double pathStepMaxMs,
        List<Flow> traffic,
        List<ScenarioEvent> events,
        SenderSetup senders,
        String steeringConfig) {

    public Scenario {
        if (durationMs < 1) {
            throw new IllegalArgumentException(name + ": duration must be at least 1 ms");
        }
        if (intervalMs < 1) {
            throw new IllegalArgumentException(name + ": interval must be at least 1 ms");
        }
        if (reflectors.isEmpty()) {
            throw new IllegalArgumentException(name + ": needs at least one reflector");
        }
        reflectors = List.copyOf(reflectors);
        traffic = List.copyOf(traffic);
        events = List.copyOf(events);
        for (ScenarioEvent e : events) {
            if (e.reflector() >= reflectors.size()) {
                throw new IllegalArgumentException(name + ": event " + e.kind().key() + " names reflector "
                        + e.reflector() + " of " + reflectors.size());
            }
        }
    }

    /** The setup of one direction. */
    public DirectionSetup direction(Direction d) {
        return d == Direction.DOWNLOAD ? download : upload;
    }

    /**
     * The same scenario standing for another wanctl config (a file), e.g. one being tuned: its
     * ceilings, floors and thresholds are that config's.
     */
    public Scenario withConfig(String newConfigPath) {
        ConfigBounds b = ConfigBounds.of(newConfigPath, ScenarioConfigs.autorate(name, newConfigPath));
        return new Scenario(name, description, newConfigPath, durationMs, seed, intervalMs, b.thresholds(),
                download.withBounds(b.downloadCeilingBps(), b.downloadFloorBps()),
                upload.withBounds(b.uploadCeilingBps(), b.uploadFloorBps()),
                reflectors, pathStepEveryMs, pathStepMaxMs, traffic, events, senders, steeringConfig);
    }

    /** The same scenario with another seed and/or duration (null keeps the scenario's). */
    public Scenario with(Long newSeed, Long newDurationMs) {
        return new Scenario(name, description, configPath,
                newDurationMs == null ? durationMs : newDurationMs,
                newSeed == null ? seed : newSeed,
                intervalMs, thresholds, download, upload, reflectors, pathStepEveryMs, pathStepMaxMs, traffic, events, senders,
                steeringConfig);
    }

    /** The same scenario with its TCP senders on another congestion control ({@code simulate --cc}). */
    public Scenario withCongestion(SenderSetup.Congestion cc) {
        return new Scenario(name, description, configPath, durationMs, seed, intervalMs, thresholds, download, upload,
                reflectors, pathStepEveryMs, pathStepMaxMs, traffic, events,
                new SenderSetup(senders.rttMs(), senders.rwndBytes(), senders.ackFraction(), cc, senders.startDelayMs()),
                steeringConfig);
    }
}
