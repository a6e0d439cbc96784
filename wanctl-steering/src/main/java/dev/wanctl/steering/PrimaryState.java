package dev.wanctl.steering;

import dev.wanctl.core.control.Zone;
import dev.wanctl.core.runtime.Clock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The primary WAN's autorate state as steering uses it: the baseline RTT ({@code ewma.baseline_rtt})
 * and the download zone ({@code congestion.dl_state}) from its state file.
 *
 * <p>A baseline counts only while the file is at most {@code staleness} old (by its modification
 * time) and inside the bounds; otherwise the last good one is kept. Autorate rewrites its file
 * every few seconds, so a file a little older than the limit is normal just before a rewrite:
 * "stale" is reported (once per episode) only after the newest good data is more than twice the
 * limit old. The file is parsed only when its modification time or size changed.
 */
final class PrimaryState {

    private static final Logger LOG = LoggerFactory.getLogger(PrimaryState.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final double LOG_CHANGE_MS = 5.0;

    /** Where the baseline in use comes from. */
    enum Source {
        /** None yet: the cycle holds. */
        NONE,
        /** The file, fresh and in bounds. */
        FRESH,
        /** The last good value; the file is stale, missing, unreadable or out of bounds now. */
        LAST_GOOD
    }

    private final Path file;
    private final long stalenessMillis;
    private final double minMs;
    private final double maxMs;
    private final Clock clock;
    private final String wan;
    private final long startWallMillis;

    // the file version last looked at
    private long seenMtime = Long.MIN_VALUE;
    private long seenSize = -1;
    private double fileBaselineMs = Double.NaN;
    private String fileProblem = "not read yet";
    private volatile Zone fileZone;
    private volatile long fileMtime = Long.MIN_VALUE;

    // what the cycle uses (volatile: /health reads it from its own thread)
    private volatile double baselineMs = Double.NaN;
    private volatile long baselineMtime = Long.MIN_VALUE;
    private volatile Source source = Source.NONE;
    private volatile String problem = "not read yet";
    private boolean staleWarned;
    private boolean boundsWarned;

    PrimaryState(Path file, Duration staleness, double minMs, double maxMs, Clock clock, String wan) {
        this.file = file;
        this.stalenessMillis = staleness.toMillis();
        this.minMs = minMs;
        this.maxMs = maxMs;
        this.clock = clock;
        this.wan = wan;
        this.startWallMillis = clock.wallMillis();
    }

    /** Looks at the file (one stat; a parse only when it changed) and decides what to use. */
    void refresh() {
        long wall = clock.wallMillis();
        look();
        boolean inBounds = fileBaselineMs >= minMs && fileBaselineMs <= maxMs;
        long age = wall - fileMtime;
        if (fileProblem == null && inBounds && age <= stalenessMillis) {
            use(fileBaselineMs, fileMtime, wall);
            return;
        }
        if (fileProblem == null && !Double.isNaN(fileBaselineMs) && !inBounds) {
            problem = String.format(Locale.ROOT, "ewma.baseline_rtt %.1f ms outside baseline_rtt_bounds [%s, %s] ms",
                    fileBaselineMs, ms(minMs), ms(maxMs));
            if (!boundsWarned) {
                boundsWarned = true;
                LOG.warn("{}: autorate baseline out of bounds ({}: {}): ignored (possible autorate fault), {}", wan, file,
                        problem, keeping());
            }
        } else if (fileProblem != null) {
            problem = fileProblem;
        } else {
            problem = String.format(Locale.ROOT, "%.1f s old, limit %s s", age / 1000.0, ms(stalenessMillis / 1000.0));
        }
        source = Double.isNaN(baselineMs) ? Source.NONE : Source.LAST_GOOD;
        long dataAge = wall - (baselineMtime == Long.MIN_VALUE ? startWallMillis : baselineMtime);
        if (!staleWarned && dataAge > 2 * stalenessMillis) {
            staleWarned = true;
            if (source == Source.NONE) {
                LOG.warn("{}: no baseline RTT ({}: {}): holding, no steering decisions until the primary's autorate"
                        + " daemon writes a fresh state", wan, file, problem);
            } else {
                LOG.warn("{}: autorate state stale ({}: {}): {}", wan, file, problem, keeping());
            }
        }
    }

    private String keeping() {
        return Double.isNaN(baselineMs) ? "no baseline yet, holding"
                : String.format(Locale.ROOT, "using the last baseline %.1f ms until it is fresh again", baselineMs);
    }

    private void use(double value, long mtime, long wall) {
        if (staleWarned) {
            LOG.info("{}: autorate state fresh again ({}, baseline {} ms) after {} s", wan, file, ms(value),
                    String.format(Locale.ROOT, "%.1f",
                            (wall - (baselineMtime == Long.MIN_VALUE ? startWallMillis : baselineMtime)) / 1000.0));
        } else if (!Double.isNaN(baselineMs) && Math.abs(value - baselineMs) > LOG_CHANGE_MS) {
            LOG.info("{}: baseline RTT {} -> {} ms ({})", wan, ms(baselineMs), ms(value), file);
        } else if (Double.isNaN(baselineMs)) {
            LOG.info("{}: baseline RTT {} ms from {}", wan, ms(value), file);
        }
        baselineMs = value;
        baselineMtime = mtime;
        source = Source.FRESH;
        problem = null;
        staleWarned = false;
        boundsWarned = false;
    }

    private void look() {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            fileProblem = "no such file";
            seenMtime = Long.MIN_VALUE;
            return;
        } catch (IOException e) {
            fileProblem = "cannot read it: " + e.getMessage();
            seenMtime = Long.MIN_VALUE;
            return;
        }
        long mtime = a.lastModifiedTime().toMillis();
        if (mtime == seenMtime && a.size() == seenSize) {
            return;
        }
        seenMtime = mtime;
        seenSize = a.size();
        parse(mtime);
    }

    private void parse(long mtime) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException | JacksonException e) {
            fileProblem = "not readable JSON: " + e.getMessage();
            return;
        }
        JsonNode b = root.path("ewma").path("baseline_rtt");
        fileMtime = mtime;
        fileZone = zone(root.path("congestion").path("dl_state").asString(""));
        if (!b.isNumber() || !Double.isFinite(b.asDouble())) {
            fileProblem = "no number at ewma.baseline_rtt";
            fileBaselineMs = Double.NaN;
            return;
        }
        fileProblem = null;
        fileBaselineMs = b.asDouble();
    }

    private static Zone zone(String name) {
        try {
            return name.isEmpty() ? null : Zone.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String ms(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** The baseline in use, NaN when there is none yet. */
    double baselineMs() {
        return baselineMs;
    }

    Source source() {
        return source;
    }

    /** How old the baseline in use is (by its file's modification time), or -1 when there is none. */
    long baselineAgeMillis() {
        return baselineMtime == Long.MIN_VALUE ? -1 : clock.wallMillis() - baselineMtime;
    }

    /** Why the file is not used now, null when it is fresh. */
    String problem() {
        return problem;
    }

    /** The primary's download zone from the newest readable file, null when unknown. */
    Zone zone() {
        return fileZone;
    }

    /** How old {@link #zone()} is. */
    long zoneAgeNanos() {
        return fileMtime == Long.MIN_VALUE ? Long.MAX_VALUE : (clock.wallMillis() - fileMtime) * 1_000_000L;
    }

    Path file() {
        return file;
    }
}
