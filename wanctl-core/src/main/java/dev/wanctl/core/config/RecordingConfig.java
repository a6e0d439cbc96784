package dev.wanctl.core.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A daemon's flight recording: the newest {@code window} of cycles kept in memory, written to
 * {@code file} on SIGUSR1, every {@code writeInterval} (zero: only on SIGUSR1) and at shutdown.
 * Public: both daemons' configs carry one.
 */
public record RecordingConfig(boolean enabled, Path file, Duration window, Duration writeInterval) {

    /** The most cycles a recording holds, whatever the window (an hour at 20 Hz, about 5 MB of memory). */
    public static final int MAX_ROWS = 72_000;

    /** How many cycles of {@code interval} fill the window (at least 1, at most {@link #MAX_ROWS}). */
    public int rows(Duration interval) {
        long n = window.toNanos() / Math.max(1, interval.toNanos());
        return (int) Math.max(1, Math.min(MAX_ROWS, n));
    }
}
