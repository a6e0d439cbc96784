package dev.wanctl.sim.scenario;

import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.config.EndpointConfig;
import dev.wanctl.core.config.RecordingConfig;
import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.core.config.SteeringConfig;
import java.nio.file.Path;

/**
 * The shipped configs made fit to run inside the simulator or the demo: their state and lock
 * files moved to a directory of the run's own, their endpoints off (nothing listens), their flight
 * recording off (the run keeps its own), the router replaced by the emulated one.
 */
public final class DaemonFiles {

    private DaemonFiles() {}

    /** {@code c} on {@code router}, its state and lock files in {@code dir}, endpoints and recording off. */
    public static AutorateConfig autorate(AutorateConfig c, RouterConfig router, Path dir) {
        EndpointConfig off = new EndpointConfig(false, "127.0.0.1", 1);
        return new AutorateConfig(c.source(), c.wanName(), router, c.rateLimit(), c.queues(), c.interval(), c.control(),
                c.probe(), c.fallback(), dir.resolve(c.wanName() + "_state.json"), c.stateWriteInterval(),
                dir.resolve(c.wanName() + ".lock"), off, off, notRecorded(c.recording()), c.statusLogInterval(), c.notes());
    }

    /**
     * {@code c} on {@code router}, steering for the autorate daemon whose state file is
     * {@code primaryState}, its own files in {@code dir}, endpoints and recording off.
     */
    public static SteeringConfig steering(SteeringConfig c, RouterConfig router, Path primaryState, Path dir) {
        EndpointConfig off = new EndpointConfig(false, "127.0.0.1", 1);
        return new SteeringConfig(c.source(), c.wanName(), router, c.primaryWan(), c.alternateWan(), c.mangleComment(),
                primaryState, c.stateStaleness(), c.primaryDownloadQueue(), c.primaryUploadQueue(), c.interval(),
                c.cakeStatsInterval(), c.probe(), dir.resolve("steering_state.json"), c.historySize(),
                dir.resolve("steering.lock"), c.thresholds(), c.cakeAware(), c.useConfidenceScoring(), c.confidence(),
                c.wanState(), off, off, notRecorded(c.recording()), c.statusLogInterval(), c.notes());
    }

    /** The run draws its own recording: the daemons keep none. */
    private static RecordingConfig notRecorded(RecordingConfig r) {
        return new RecordingConfig(false, r.file(), r.window(), r.writeInterval());
    }
}
