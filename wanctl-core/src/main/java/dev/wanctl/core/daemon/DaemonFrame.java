package dev.wanctl.core.daemon;

import dev.wanctl.core.config.RecordingConfig;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.core.runtime.Sleeper;
import java.nio.file.Path;
import org.slf4j.Logger;

/**
 * What both daemons hold around their cycle, in one place: the loop (stop, reload, overruns) and
 * the flight recording (announced at start with SIGUSR1 to dump it, written at shutdown and on
 * demand). Each daemon keeps only its own wiring, health document and start-up checks.
 */
public final class DaemonFrame {

    private final DaemonLoop loop;
    private volatile DaemonRecording recording;

    /** {@code inline}: virtual-time runs read the config on the loop thread, so that they repeat exactly. */
    public DaemonFrame(Clock clock, SystemdNotifier notifier, Sleeper sleeper, String name, boolean inline) {
        this.loop = new DaemonLoop(clock, notifier, sleeper, name,
                inline ? DaemonLoop.READ_ON_LOOP : DaemonLoop.READ_OFF_LOOP);
    }

    /** The loop the daemon runs its cycle on. */
    public DaemonLoop loop() {
        return loop;
    }

    /** The run's flight recording (null when off), kept for shutdown and {@link #writeFlightRecording()}. */
    public void recording(DaemonRecording rec) {
        this.recording = rec;
    }

    /** Says where the recording goes and, with {@code signals}, dumps it on SIGUSR1; nothing when off. */
    public void announceRecording(Logger log, String wan, RecordingConfig config, boolean signals) {
        DaemonRecording rec = recording;
        if (rec == null) {
            return;
        }
        log.info("{}: flight recording of the last {} cycles, written to {} {}", wan, rec.capacity(), rec.file(),
                DaemonSupport.recordingWhen(config));
        if (signals) {
            Signals.onUser1(rec::writeInBackground);
        }
    }

    /** At shutdown: writes the recording when it holds any cycle. */
    public void writeRecordingIfAny() {
        DaemonRecording rec = recording;
        if (rec != null && rec.size() > 0) {
            rec.write();
        }
    }

    /** Writes the flight recording now, as SIGUSR1 does but on the caller's thread; null when off or it failed. */
    public Path writeFlightRecording() {
        DaemonRecording rec = recording;
        return rec == null ? null : rec.write();
    }

    /** Stops after the cycle in progress. */
    public void stop() {
        loop.stop();
    }

    /** Asks for a reload before the next cycle (what SIGHUP does). */
    public void requestReload() {
        loop.requestReload();
    }

    /** Cycles that missed their slot so far. */
    public long overruns() {
        return loop.overruns();
    }
}
