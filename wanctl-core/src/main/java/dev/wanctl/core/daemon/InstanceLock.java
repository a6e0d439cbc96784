package dev.wanctl.core.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One daemon per WAN: an OS lock on a file (e.g. {@code /run/wanctl/spectrum.lock}) that holds
 * our PID. Public: both daemons take one at start. The kernel drops the lock when a process dies,
 * so a file left by a crash is simply taken over. A file whose PID is a live process that does
 * not lock (the reference implementation writes PID files without locking) and looks like wanctl
 * is respected too.
 *
 * <p>On close the lock is released and the PID erased, but the file is kept: deleting it would
 * let two starters racing with each other lock two different files of the same name.
 */
public final class InstanceLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceLock.class);
    /*
     * POSIX record locks belong to the process and closing any descriptor of the file drops them,
     * so a second attempt inside this JVM must be refused before it opens the file.
     */
    private static final java.util.Set<Path> HELD_HERE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** The conventional lock file of a WAN: {@code <dir>/<wan>.lock}. */
    public static Path pathFor(Path dir, String wan) {
        return dir.resolve(wan + ".lock");
    }

    /**
     * Takes the lock or says who holds it.
     *
     * @throws LockHeldException another live instance holds it (exit 75)
     * @throws IOException the file or its directory cannot be created or opened
     */
    public static InstanceLock acquire(Path file) throws LockHeldException, IOException {
        Path abs = file.toAbsolutePath();
        if (!HELD_HERE.add(abs)) {
            throw new LockHeldException(abs, ProcessHandle.current().pid(), "(this process) holds");
        }
        try {
            return lock(abs);
        } catch (LockHeldException | IOException | RuntimeException e) {
            HELD_HERE.remove(abs);
            throw e;
        }
    }

    private static InstanceLock lock(Path abs) throws LockHeldException, IOException {
        createDirectory(abs.getParent());
        FileChannel ch = FileChannel.open(abs, java.util.Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        try {
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this JVM through another path to the same file
            }
            long recorded = readPid(ch);
            if (lock == null) {
                throw new LockHeldException(abs, recorded, "holds");
            }
            long self = ProcessHandle.current().pid();
            if (recorded > 0 && recorded != self) {
                if (isLiveWanctl(recorded)) {
                    lock.release();
                    throw new LockHeldException(abs, recorded, "is running and wrote its PID (without a lock) into");
                }
                LOG.info("taking over lock file {} left by PID {}, which is no longer running", abs, recorded);
            }
            writePid(ch, self);
            return new InstanceLock(abs, ch, lock);
        } catch (LockHeldException | IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private static void createDirectory(Path dir) throws IOException {
        if (dir != null && !Files.isDirectory(dir)) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new IOException("lock directory " + dir + " does not exist and cannot be created ("
                        + e + "); create it (systemd: RuntimeDirectory=wanctl) or configure another", e);
            }
        }
    }

    private static long readPid(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(32);
        int n = ch.read(buf, 0);
        if (n <= 0) {
            return 0;
        }
        String text = new String(buf.array(), 0, n, StandardCharsets.US_ASCII).trim();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void writePid(FileChannel ch, long pid) throws IOException {
        ch.truncate(0);
        ch.write(ByteBuffer.wrap((pid + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        ch.force(false);
    }

    private static boolean isLiveWanctl(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .flatMap(p -> p.info().commandLine().or(() -> p.info().command()))
                .map(cmd -> cmd.contains("wanctl"))
                .orElse(false);
    }

    /** The lock file. */
    public Path file() {
        return file;
    }

    /** Erases the PID and releases the lock. */
    @Override
    public void close() {
        try {
            if (channel.isOpen()) {
                channel.truncate(0);
                lock.release();
            }
        } catch (IOException e) {
            LOG.debug("releasing {}: {}", file, e.toString());
        } finally {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the kernel releases the lock with the descriptor anyway
            }
            HELD_HERE.remove(file);
        }
    }
}
