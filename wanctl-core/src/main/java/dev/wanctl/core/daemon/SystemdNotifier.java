package dev.wanctl.core.daemon;

import dev.wanctl.core.runtime.ErrnoException;
import dev.wanctl.core.runtime.Libc;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells systemd (units with {@code Type=notify} and {@code WatchdogSec=}) that the daemon is
 * ready, alive, reloading or stopping, over the datagram socket named by {@code $NOTIFY_SOCKET}.
 * Without that variable every method is a cheap no-op, so daemons call it unconditionally.
 * Never throws: a failed send is logged once per episode.
 */
public final class SystemdNotifier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SystemdNotifier.class);

    private final String socketName;
    private final long watchdogIntervalNanos;
    private final Arena arena;
    private final UnixAddress address;
    private final int fd;
    private final java.util.function.Consumer<String> sink; // instead of the socket; null normally
    private long lastWatchdogNanos = Long.MIN_VALUE;
    private boolean failing;
    private boolean closed;

    private SystemdNotifier(String socketName, long watchdogIntervalNanos) {
        this(socketName, watchdogIntervalNanos, null);
    }

    private SystemdNotifier(String socketName, long watchdogIntervalNanos, java.util.function.Consumer<String> sink) {
        this.socketName = socketName;
        this.watchdogIntervalNanos = watchdogIntervalNanos;
        this.sink = sink;
        if (socketName == null) {
            arena = null;
            address = null;
            fd = -1;
            return;
        }
        arena = Arena.ofShared();
        address = UnixAddress.of(socketName, arena);
        int opened;
        try {
            opened = Libc.socket(Libc.AF_UNIX, Libc.SOCK_DGRAM, 0);
        } catch (ErrnoException e) {
            LOG.warn("systemd notifications disabled: {}", e.getMessage());
            opened = -1;
        }
        fd = opened;
    }

    /** The notifier for this process, configured by systemd's environment variables. */
    public static SystemdNotifier fromEnvironment() {
        return fromEnvironment(System.getenv(), ProcessHandle.current().pid());
    }

    /**
     * A notifier that hands each message to {@code sink} instead of a socket, as if systemd
     * expected a watchdog every {@code watchdogInterval}: for tests and the simulator.
     */
    public static SystemdNotifier recording(Duration watchdogInterval, java.util.function.Consumer<String> sink) {
        return new SystemdNotifier(null, watchdogInterval.toNanos(), java.util.Objects.requireNonNull(sink));
    }

    static SystemdNotifier fromEnvironment(Map<String, String> env, long pid) {
        String socket = env.get("NOTIFY_SOCKET");
        if (socket != null && socket.isBlank()) {
            socket = null;
        }
        return new SystemdNotifier(socket, watchdogNanos(env, pid));
    }

    private static long watchdogNanos(Map<String, String> env, long pid) {
        String usec = env.get("WATCHDOG_USEC");
        String forPid = env.get("WATCHDOG_PID");
        if (usec == null) {
            return 0;
        }
        try {
            if (forPid != null && !forPid.isBlank() && Long.parseLong(forPid.trim()) != pid) {
                return 0; // the watchdog is meant for another process (e.g. a wrapper script)
            }
            long micros = Long.parseLong(usec.trim());
            return micros > 0 ? micros * 1_000L : 0;
        } catch (NumberFormatException e) {
            LOG.warn("ignoring WATCHDOG_USEC='{}' / WATCHDOG_PID='{}': not numbers", usec, forPid);
            return 0;
        }
    }

    /** True when {@code $NOTIFY_SOCKET} was set and a socket could be opened. */
    public boolean enabled() {
        return fd >= 0 || sink != null;
    }

    /** The unit's {@code WatchdogSec}, when systemd expects {@code WATCHDOG=1} from us. */
    public Optional<Duration> watchdogInterval() {
        return watchdogIntervalNanos > 0 ? Optional.of(Duration.ofNanos(watchdogIntervalNanos))
                : Optional.empty();
    }

    /** Start-up finished: {@code READY=1} with a status line. */
    public void ready(String status) {
        send("READY=1\nSTATUS=" + oneLine(status));
    }

    /** The loop is alive: {@code WATCHDOG=1}. */
    public void watchdog() {
        send("WATCHDOG=1");
    }

    /**
     * Sends {@code WATCHDOG=1} when half the watchdog interval has passed since the last one;
     * meant to be called every cycle. Allocates nothing when nothing is due.
     */
    public void watchdogIfDue(long nowNanos) {
        if (watchdogIntervalNanos <= 0 || !enabled()) {
            return;
        }
        if (lastWatchdogNanos == Long.MIN_VALUE || nowNanos - lastWatchdogNanos >= watchdogIntervalNanos / 2) {
            lastWatchdogNanos = nowNanos;
            watchdog();
        }
    }

    /** A free-text status shown by {@code systemctl status}. */
    public void status(String status) {
        send("STATUS=" + oneLine(status));
    }

    /** Reload started ({@code RELOADING=1} with {@code MONOTONIC_USEC}); follow with {@link #ready}. */
    public void reloading() {
        send("RELOADING=1\nMONOTONIC_USEC=" + Libc.monotonicMicros());
    }

    /** Shutdown started. */
    public void stopping() {
        send("STOPPING=1");
    }

    /** Sends one raw notification; true when it was delivered to the socket. */
    public synchronized boolean send(String message) {
        if (sink != null && !closed) {
            sink.accept(message);
            return true;
        }
        if (fd < 0 || closed) {
            return false;
        }
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        try (Arena call = Arena.ofConfined()) {
            MemorySegment buf = call.allocateFrom(java.lang.foreign.ValueLayout.JAVA_BYTE, bytes);
            MemorySegment state = Libc.newErrnoState(call);
            long sent = Libc.sendTo(fd, buf, bytes.length, 0, address.segment(), address.length(), state);
            if (sent < 0) {
                if (!failing) {
                    failing = true;
                    LOG.warn("systemd notification to {} failed: {} (further failures not logged "
                            + "until one succeeds)", socketName, Libc.strerror(Libc.errno(state)));
                }
                return false;
            }
            if (failing) {
                failing = false;
                LOG.info("systemd notifications to {} work again", socketName);
            }
            return true;
        }
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ');
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (fd >= 0) {
            Libc.close(fd);
        }
        if (arena != null) {
            arena.close();
        }
    }
}
