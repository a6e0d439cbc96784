package dev.wanctl.core.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A daemon's state file (rates, EWMAs, streaks) as JSON, so a restart continues where it left off.
 * Public: both daemons persist through it.
 *
 * <p>Writes are atomic (temp file in the same directory, fsync, rename, fsync of the directory)
 * so a crash or power cut leaves the old or the new file, never half of one. They are throttled:
 * {@link #offer} writes only when the content changed (ignoring {@code timestamp} and the
 * configured volatile keys) and at most every {@code minInterval}; {@link #flush} at shutdown
 * always writes. With {@code refreshEvery} set, an unchanged state is rewritten once the file is
 * that old, so a reader that judges freshness by the modification time (steering reads the
 * primary's baseline this way) does not take a quiet daemon for a dead one. A corrupt file is
 * moved aside and the daemon starts from defaults. Nothing here throws: failures are logged once
 * per episode and the daemon keeps running.
 *
 * <p>With {@link Settings#writingInBackground} the decision and the JSON are made on the caller's
 * thread but the file I/O runs on a "state-writer" thread: an fsync can take tens of
 * milliseconds on an SD card or a busy disk, longer than a 10 ms cycle. Only the newest pending
 * state is written; a failed write is retried by a later offer. {@link #flush} always writes on
 * the caller's thread, after any write in flight, so the file ends with the newest state.
 *
 * <p>Not thread-safe: the loop thread owns it (the background writer shares only what it must).
 */
public final class StateStore {

    /** Settings of a store. */
    public record Settings(Duration minInterval, boolean groupReadable, Set<String> ignoredForChange,
            Duration refreshEvery, boolean background) {

        /**
         * At most one write every 5 s, mode 0600, every key counts, an unchanged state never
         * rewritten, written on the caller's thread.
         */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(5), false, Set.of(), Duration.ZERO, false);
        }

        /** The same settings with another minimum interval between writes. */
        public Settings withMinInterval(Duration d) {
            return new Settings(d, groupReadable, ignoredForChange, refreshEvery, background);
        }

        /** The same settings with keys whose changes alone do not cause a write. */
        public Settings ignoringForChange(String... keys) {
            return new Settings(minInterval, groupReadable, Set.of(keys), refreshEvery, background);
        }

        /** The same settings with mode 0640 (for a monitoring group) instead of 0600. */
        public Settings groupReadable(boolean on) {
            return new Settings(minInterval, on, ignoredForChange, refreshEvery, background);
        }

        /** The same settings with an unchanged state rewritten once the last write is {@code d} old (zero: never). */
        public Settings refreshingEvery(Duration d) {
            return new Settings(minInterval, groupReadable, ignoredForChange, d, background);
        }

        /** The same settings with the file I/O of {@link #offer} off the caller's thread (daemons' loops). */
        public Settings writingInBackground(boolean on) {
            return new Settings(minInterval, groupReadable, ignoredForChange, refreshEvery, on);
        }
    }

    static final String TIMESTAMP = "timestamp";
    /** The largest state file read: a real one is under 2 kB; a huge one must not exhaust a 32 MB heap. */
    static final long MAX_STATE_BYTES = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final DateTimeFormatter CORRUPT_SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private final Path file;
    private final Clock clock;
    private final Settings settings;
    private final StateFileWriter writer;
    private ObjectNode lastWritten;
    private ObjectNode latest;
    private long lastWriteNanos;
    private boolean everWritten;
    private long seq;

    /** A store for {@code file} with {@link Settings#defaults()}. */
    public StateStore(Path file, Clock clock) {
        this(file, clock, Settings.defaults());
    }

    /** A store for {@code file}. */
    public StateStore(Path file, Clock clock, Settings settings) {
        this(file, clock, settings, settings.background() ? backgroundExecutor() : null);
    }

    /**
     * At most one "state-writer" thread, kept while writes come (a daemon writes every few
     * seconds) and ended after a minute without one, so a store dropped at a reload leaves no
     * thread behind and none has to be closed.
     */
    private static Executor backgroundExecutor() {
        return new ThreadPoolExecutor(0, 1, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                Thread.ofPlatform().daemon().name("state-writer").factory());
    }

    /** A store whose background writes run on {@code background} (tests run them when they choose). */
    StateStore(Path file, Clock clock, Settings settings, Executor background) {
        this.file = file.toAbsolutePath();
        this.clock = clock;
        this.settings = settings;
        this.writer = new StateFileWriter(this.file, settings.groupReadable(), background);
    }

    /** The state file's path. */
    public Path file() {
        return file;
    }

    /** Why the state cannot be saved now (the last write failed), for health; null while writes succeed. */
    public String problem() {
        return writer.lastFailure();
    }

    /** Successful writes so far. */
    public long writes() {
        return writer.writes();
    }

    /**
     * The saved state, or empty when there is none or it was unreadable (then the reason is logged
     * and a corrupt file is moved to {@code <name>.corrupt-<timestamp>}).
     */
    public Optional<ObjectNode> load() {
        writer.removeLeftoverTempFiles();
        prepareWriter();
        byte[] bytes;
        try {
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                // a FIFO would block the read (and start-up) forever; a device or directory is no state
                LOG.warn("state file {} is not a regular file (a FIFO, device or directory): not read, starting"
                        + " from defaults; the first save replaces it", file);
                return Optional.empty();
            }
            long size = Files.size(file);
            if (size > MAX_STATE_BYTES) {
                moveAside("it is " + size + " bytes, a state file is a few hundred; at most " + MAX_STATE_BYTES
                        + " are read");
                return Optional.empty();
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            LOG.info("no state file at {}: starting from defaults", file);
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("cannot read state file {} ({}): starting from defaults", file, e.toString());
            return Optional.empty();
        }
        String problem;
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node instanceof ObjectNode object) {
                lastWritten = object;
                return Optional.of(object);
            }
            problem = bytes.length == 0 ? "the file is empty" : "it holds JSON but not an object";
        } catch (JacksonException e) {
            problem = "it is not valid JSON: " + e.getOriginalMessage();
        }
        moveAside(problem);
        return Optional.empty();
    }

    /**
     * Serializes a throwaway state once: the first serialization loads Jackson's writers and the
     * time-zone data (about 30 ms), which belongs in start-up, not in the first cycle that saves.
     */
    private static void prepareWriter() {
        try {
            JSON.writeValueAsBytes(stamped(JSON.createObjectNode().put("warm_up", 1.5), 0L));
        } catch (JacksonException e) {
            LOG.debug("state writer warm-up failed: {}", e.toString());
        }
    }

    private void moveAside(String problem) {
        String stamp = LocalDateTime.ofInstant(Instant.ofEpochMilli(clock.wallMillis()), ZoneId.systemDefault())
                .format(CORRUPT_SUFFIX);
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + stamp);
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            LOG.warn("state file {} is unusable ({}); moved it to {} and starting from defaults",
                    file, problem, aside);
        } catch (IOException e) {
            LOG.warn("state file {} is unusable ({}) and could not be moved aside ({}); starting from "
                    + "defaults, it will be overwritten", file, problem, e.toString());
        }
    }

    /**
     * Offers the current state (the store keeps {@code state}: do not change it afterwards).
     * Written when it differs from the last written state and {@code minInterval} has passed
     * since the last write; a change offered too early is written by a later offer or by
     * {@link #flush()}. An unchanged state is written when {@code refreshEvery} is set and has
     * passed since the last write. A write that failed counts as not written. True when this call
     * wrote the file (in the background: started writing it).
     */
    public boolean offer(ObjectNode state) {
        latest = state;
        long now = clock.nanoTime();
        if (lastWritten != null && !writer.lastWriteFailed() && sameIgnoringVolatile(state, lastWritten)) {
            long refresh = settings.refreshEvery().toNanos();
            return refresh > 0 && everWritten && now - lastWriteNanos >= refresh && write(state, now);
        }
        if (everWritten && now - lastWriteNanos < settings.minInterval().toNanos()) {
            return false;
        }
        return write(state, now);
    }

    /**
     * Writes {@code state} now, changed or not and however recent the last write (a state a
     * restart must find, such as a steering transition); in the background when configured so.
     * True when written (in the background: started).
     */
    public boolean save(ObjectNode state) {
        latest = state;
        return write(state, clock.nanoTime());
    }

    /**
     * Writes {@code state} on this thread, changed or not, after any background write in flight
     * (shutdown). True when written.
     */
    public boolean flush(ObjectNode state) {
        latest = state;
        StateFileWriter.Job job = serialize(state);
        if (job == null) {
            return false;
        }
        markWritten(state, clock.nanoTime());
        return writer.writeNow(job);
    }

    /** {@link #flush(ObjectNode)} of the latest offered state; false when none was offered. */
    public boolean flush() {
        return latest != null && flush(latest);
    }

    /** True when an offered change has not been written yet. */
    public boolean hasPendingChange() {
        return latest != null
                && (lastWritten == null || writer.lastWriteFailed() || !sameIgnoringVolatile(latest, lastWritten));
    }

    private boolean sameIgnoringVolatile(ObjectNode a, ObjectNode b) {
        int counted = 0;
        for (var e : a.properties()) {
            String key = e.getKey();
            if (key.equals(TIMESTAMP) || settings.ignoredForChange().contains(key)) {
                continue;
            }
            if (!Objects.equals(e.getValue(), b.get(key))) {
                return false;
            }
            counted++;
        }
        int other = 0;
        for (String key : b.propertyNames()) {
            if (!key.equals(TIMESTAMP) && !settings.ignoredForChange().contains(key)) {
                other++;
            }
        }
        return counted == other;
    }

    private boolean write(ObjectNode state, long now) {
        StateFileWriter.Job job = serialize(state);
        if (job == null) {
            return false;
        }
        markWritten(state, now);
        return writer.submit(job);
    }

    /** Counted as written when handed over; a failure shows in the writer, so offers retry. */
    private void markWritten(ObjectNode state, long now) {
        lastWritten = state;
        lastWriteNanos = now;
        everWritten = true;
    }

    /** The state stamped with the wall time, as JSON; null (logged) when it cannot be serialized. */
    private StateFileWriter.Job serialize(ObjectNode state) {
        try {
            return new StateFileWriter.Job(JSON.writeValueAsBytes(stamped(state, clock.wallMillis())), ++seq);
        } catch (JacksonException e) {
            LOG.warn("cannot serialize the state for {}: {}", file, e.toString());
            return null;
        }
    }

    private static ObjectNode stamped(ObjectNode state, long wallMillis) {
        ObjectNode stamped = state.deepCopy();
        stamped.remove(TIMESTAMP);
        stamped.put(TIMESTAMP, LocalDateTime.ofInstant(Instant.ofEpochMilli(wallMillis), ZoneId.systemDefault())
                .toString());
        return stamped;
    }
}
