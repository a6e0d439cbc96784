package dev.wanctl.core.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts serialized states into a {@link StateStore}'s file atomically (temp file in the same
 * directory, fsync, rename, fsync of the directory), on the caller's thread or on a background
 * thread. In the background only the newest pending state is written, by at most one thread at a
 * time; a write on the caller's thread waits for one in flight, and a state older than the one
 * on disk is never written over it. Failures are logged once per episode, never thrown.
 */
final class StateFileWriter {

    /** One serialized state; a higher {@code seq} is newer. */
    record Job(byte[] bytes, long seq) {}

    private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);

    private final Path file;
    private final Path dir;
    private final boolean groupReadable;
    /** Runs a {@link #drain}; null: {@link #submit} writes on the caller's thread. */
    private final Executor background;
    private final AtomicReference<Job> pending = new AtomicReference<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicLong writes = new AtomicLong();
    private volatile boolean lastWriteFailed;
    private volatile String lastFailure;
    private final Object io = new Object();
    private long persistedSeq; // guarded by io
    private boolean failing; // guarded by io

    StateFileWriter(Path file, boolean groupReadable, Executor background) {
        this.file = file;
        this.dir = file.getParent();
        this.groupReadable = groupReadable;
        this.background = background;
    }

    /** Successful writes so far. */
    long writes() {
        return writes.get();
    }

    /** True when the last write that ran failed (a later one should retry). */
    boolean lastWriteFailed() {
        return lastWriteFailed;
    }

    /** Why the last write failed, null when it succeeded (or none ran yet). */
    String lastFailure() {
        return lastWriteFailed ? lastFailure : null;
    }

    /** Writes {@code job} in the background when configured so, else now; true when written or started. */
    boolean submit(Job job) {
        if (background == null) {
            return persist(job);
        }
        pending.set(job);
        if (draining.compareAndSet(false, true)) {
            background.execute(this::drain);
        }
        return true;
    }

    /** Writes {@code job} on this thread, after any write in flight; true when written. */
    boolean writeNow(Job job) {
        return persist(job);
    }

    /** Deletes temp files a crash left behind (at load, before any write). */
    void removeLeftoverTempFiles() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, tempPrefix() + "*.tmp")) {
            for (Path t : temps) {
                Files.deleteIfExists(t);
            }
        } catch (IOException e) {
            LOG.debug("could not clean temp files in {}: {}", dir, e.toString());
        }
    }


    /** Writes the newest pending job until none is left; at most one drain runs at a time. */
    private void drain() {
        do {
            for (Job job = pending.getAndSet(null); job != null; job = pending.getAndSet(null)) {
                persist(job);
            }
            draining.set(false);
        } while (pending.get() != null && draining.compareAndSet(false, true));
    }

    /** The atomic write; a job older than one already on disk is dropped. */
    private boolean persist(Job job) {
        synchronized (io) {
            if (job.seq() <= persistedSeq) {
                return true;
            }
            Path tmp = null;
            try {
                ensureDirectory();
                tmp = Files.createTempFile(dir, tempPrefix(), ".tmp", PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString(groupReadable ? "rw-r-----" : "rw-------")));
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ByteBuffer buf = ByteBuffer.wrap(job.bytes());
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                    ch.force(true);
                }
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                tmp = null;
                try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                    d.force(true); // makes the rename itself durable
                }
            } catch (IOException | UnsupportedOperationException e) {
                if (!failing) {
                    failing = true;
                    LOG.warn("cannot write state file {}: {} (retrying; further failures not logged until "
                            + "a write succeeds)", file, e.toString());
                }
                deleteQuietly(tmp);
                lastFailure = "cannot write " + file + ": " + e;
                lastWriteFailed = true;
                return false;
            }
            if (failing) {
                failing = false;
                LOG.info("state file {} written again", file);
            }
            persistedSeq = job.seq();
            lastWriteFailed = false;
            writes.incrementAndGet();
            return true;
        }
    }

    private void ensureDirectory() throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir);
            LOG.info("created state directory {}", dir);
        } catch (IOException e) {
            throw new IOException("state directory " + dir + " does not exist and cannot be created ("
                    + e + "); create it or make it writable (systemd: StateDirectory= or ReadWritePaths=)", e);
        }
    }

    private String tempPrefix() {
        return "." + file.getFileName() + ".";
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // the next load removes leftovers
            }
        }
    }
}
