package dev.wanctl.core.daemon;

import dev.wanctl.core.config.RecordingConfig;
import dev.wanctl.core.runtime.FlightRecorder;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A daemon's flight recording: every cycle goes into a bounded {@link FlightRecorder} (the newest
 * {@link RecordingConfig#window()}), and the recording is written as CSV to its file on SIGUSR1,
 * every {@link RecordingConfig#writeInterval()} and at shutdown, for {@code wanctl plot}. Writing
 * happens on a short-lived thread of its own, so the loop never waits for it. Public: both daemons
 * keep one.
 */
public final class DaemonRecording {

    private static final Logger LOG = LoggerFactory.getLogger(DaemonRecording.class);

    private final String name;
    private final FlightRecorder recorder;
    private final Path file;
    private final long writeEveryNanos;
    private final FlightRecorder.Cycle row = new FlightRecorder.Cycle();
    private final AtomicBoolean writing = new AtomicBoolean();
    private volatile Map<String, String> metadata;
    private long nextWriteNanos = Long.MIN_VALUE;
    private boolean failing;

    private DaemonRecording(String name, FlightRecorder recorder, Path file, long writeEveryNanos,
            Map<String, String> metadata) {
        this.name = name;
        this.recorder = recorder;
        this.file = file;
        this.writeEveryNanos = writeEveryNanos;
        this.metadata = Map.copyOf(metadata);
    }

    /** The recording {@code config} asks for at cycles of {@code interval}; null when it is off. */
    public static DaemonRecording of(String name, RecordingConfig config, Duration interval,
            Map<String, String> metadata) {
        return of(name, config, interval, metadata, false);
    }

    /** The same, keeping steering's signals too when {@code steeringSignals} (the steering daemon). */
    public static DaemonRecording of(String name, RecordingConfig config, Duration interval,
            Map<String, String> metadata, boolean steeringSignals) {
        if (!config.enabled()) {
            return null;
        }
        return new DaemonRecording(name, new FlightRecorder(config.rows(interval), steeringSignals), config.file(),
                config.writeInterval().toNanos(), metadata);
    }

    /** The row of the cycle that just ran, cleared; fill it and {@link #commit(long)} (loop thread only). */
    public FlightRecorder.Cycle row() {
        return row.clear();
    }

    /** Records the filled {@link #row()}, and starts a write in the background when one is due. */
    public void commit(long nowNanos) {
        recorder.record(row);
        if (writeEveryNanos <= 0) {
            return;
        }
        if (nextWriteNanos == Long.MIN_VALUE) {
            nextWriteNanos = nowNanos + writeEveryNanos;
        } else if (nowNanos - nextWriteNanos >= 0) {
            nextWriteNanos = nowNanos + writeEveryNanos;
            writeInBackground();
        }
    }

    /** New metadata (thresholds, ceilings) after a reload; rows already held keep their values. */
    public void metadata(Map<String, String> newMetadata) {
        metadata = Map.copyOf(newMetadata);
    }

    /** Writes the recording on a thread of its own unless a write is in progress (SIGUSR1, the interval). */
    public void writeInBackground() {
        if (!writing.compareAndSet(false, true)) {
            return;
        }
        try {
            Thread.ofPlatform().daemon().name(name + "-flight-recording").start(() -> {
                try {
                    write();
                } finally {
                    writing.set(false);
                }
            });
        } catch (RuntimeException | OutOfMemoryError e) {
            writing.set(false);
            LOG.warn("{}: cannot start writing the flight recording: {}", name, e.toString());
        }
    }

    /**
     * Writes the recording now, on the caller's thread (shutdown, tests); the file, or null when it
     * could not be written (logged once until a write succeeds again).
     */
    public synchronized Path write() {
        Map<String, String> meta = new LinkedHashMap<>(metadata);
        try {
            recorder.dumpCsv(file, meta);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            if (!failing) {
                LOG.warn("{}: cannot write the flight recording: {}", name, e.getMessage());
            }
            failing = true;
            return null;
        }
        if (failing) {
            LOG.info("{}: flight recording written again", name);
        }
        failing = false;
        LOG.info("{}: flight recording of the last {} cycles written to {}", name, recorder.size(), file);
        return file;
    }

    /** Where the recording is written. */
    public Path file() {
        return file;
    }

    /** How many cycles the recording holds now. */
    public int size() {
        return recorder.size();
    }

    /** How many cycles it can hold. */
    public int capacity() {
        return recorder.capacity();
    }
}
