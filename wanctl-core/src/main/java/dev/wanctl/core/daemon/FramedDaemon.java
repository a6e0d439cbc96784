package dev.wanctl.core.daemon;

import java.nio.file.Path;

/**
 * The controls a running daemon offers tests, the CLI and an embedding: stop, reload, write the
 * flight recording now, count overruns. Both daemons run their loop in a {@link DaemonFrame}, so
 * the controls are the frame's, written once here.
 */
public interface FramedDaemon {

    /** The frame the daemon's loop runs in. */
    DaemonFrame frame();

    /** Stops after the cycle in progress (tests, embedding). */
    default void stop() {
        frame().stop();
    }

    /** Asks for a reload before the next cycle (what SIGHUP does). */
    default void requestReload() {
        frame().requestReload();
    }

    /**
     * Writes the flight recording now, as SIGUSR1 does but on the caller's thread (tests,
     * embedding); the file, or null when recording is off or the write failed.
     */
    default Path writeFlightRecording() {
        return frame().writeFlightRecording();
    }

    /** Cycles that missed their slot so far. */
    default long overruns() {
        return frame().overruns();
    }
}
