package dev.wanctl.core.daemon;

import dev.wanctl.core.runtime.Clock;
import dev.wanctl.core.runtime.FixedRateLoop;
import dev.wanctl.core.runtime.Sleeper;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle both daemons share: run the current {@link Session}'s cycle at its interval,
 * read the config file on SIGHUP off the loop thread (a slow, huge or blocking file never delays
 * a cycle) and apply what was read at the start of the next cycle after it (restarting the loop
 * when the interval changed), tell systemd READY after the first cycle, WATCHDOG while cycles run and
 * STATUS now and then, and stop after the cycle in progress on SIGTERM. Public: the autorate and
 * steering daemons run through it.
 */
public final class DaemonLoop {

    private static final Logger LOG = LoggerFactory.getLogger(DaemonLoop.class);

    /** The running parts built from one config. */
    public interface Session {

        /** One cycle. */
        void runCycle(long cycle, long scheduledNanos);

        long intervalNanos();

        /** How often {@link #status()} goes to systemd. */
        long statusIntervalNanos();

        /** A short status for {@code systemctl status}. */
        String status();
    }

    /** Reads a new config, then builds its session or keeps the current one when it is unusable. */
    @FunctionalInterface
    public interface Reloader {
        /**
         * Reads and checks the config file, off the loop thread: it must not touch the running
         * session. Returns the step the loop then applies between cycles: it gets the current
         * session and returns the one to run from then on (the same one when the reload is refused).
         */
        UnaryOperator<Session> read();
    }

    /** Reads each SIGHUP's config on a thread of its own (production). */
    public static final Executor READ_OFF_LOOP = task -> Thread.ofPlatform().name("wanctl-reload").daemon(true)
            .start(task);
    /** Reads on the loop thread (virtual-time runs, so that what they do repeats exactly). */
    public static final Executor READ_ON_LOOP = Runnable::run;

    private final Clock clock;
    private final SystemdNotifier notifier;
    private final Sleeper sleeper;
    private final String name;
    private final Executor reads;
    private final AtomicReference<UnaryOperator<Session>> read = new AtomicReference<>();
    private boolean reading; // loop thread only
    private volatile boolean reloadRequested;
    private volatile boolean stopping;
    private volatile FixedRateLoop loop;
    private volatile Session session;
    private long overrunsBefore;

    /** A loop that reads reloads off the loop thread. */
    public DaemonLoop(Clock clock, SystemdNotifier notifier, Sleeper sleeper, String name) {
        this(clock, notifier, sleeper, name, READ_OFF_LOOP);
    }

    /** @param reads runs {@link Reloader#read} ({@link #READ_OFF_LOOP} or {@link #READ_ON_LOOP}) */
    public DaemonLoop(Clock clock, SystemdNotifier notifier, Sleeper sleeper, String name, Executor reads) {
        this.clock = clock;
        this.notifier = notifier;
        this.sleeper = sleeper;
        this.name = name;
        this.reads = Objects.requireNonNull(reads);
    }

    /**
     * Runs until {@link #stop()}, SIGTERM or SIGINT; SIGHUP calls {@code reloader} between cycles.
     * Installs the signal handlers itself when {@code signals} is true (false in tests).
     */
    public void run(Session initial, Reloader reloader, boolean signals) {
        session = Objects.requireNonNull(initial);
        GracefulShutdown graceful = signals ? GracefulShutdown.install(this::stop, Duration.ofSeconds(2)) : null;
        if (signals) {
            Signals.onHangup(this::requestReload);
        }
        try {
            boolean ready = false;
            long lastStatus = clock.nanoTime();
            while (!stopping) {
                Session s = session;
                FixedRateLoop l = new FixedRateLoop(clock, s.intervalNanos(), sleeper);
                loop = l;
                if (stopping) {
                    break;
                }
                Cycles cycles = new Cycles(ready, lastStatus, reloader, l);
                l.run(cycles);
                ready = cycles.ready;
                lastStatus = cycles.lastStatus;
                overrunsBefore += l.overruns();
            }
            notifier.stopping();
        } finally {
            if (graceful != null) {
                graceful.finished();
            }
        }
    }

    /** The cycle wrapper of one loop (one interval). */
    private final class Cycles implements FixedRateLoop.Body {
        boolean ready;
        long lastStatus;
        private final Reloader reloader;
        private final FixedRateLoop loop;

        Cycles(boolean ready, long lastStatus, Reloader reloader, FixedRateLoop loop) {
            this.ready = ready;
            this.lastStatus = lastStatus;
            this.reloader = reloader;
            this.loop = loop;
        }

        @Override
        public void runCycle(long cycle, long scheduledNanos) {
            if (reloadRequested && !reading) {
                reloadRequested = false;
                reading = true;
                notifier.reloading();
                startReading(reloader);
            }
            UnaryOperator<Session> step = reading ? read.getAndSet(null) : null;
            if (step != null) {
                reading = false;
                Session before = session;
                Session after = step.apply(before);
                session = after;
                notifier.ready(after.status());
                if (after.intervalNanos() != before.intervalNanos()) {
                    LOG.info("{}: interval now {} ms", name, after.intervalNanos() / 1_000_000);
                    loop.stop();
                    return;
                }
            }
            Session s = session;
            s.runCycle(cycle, scheduledNanos);
            long now = clock.nanoTime();
            if (!ready) {
                ready = true;
                lastStatus = now;
                notifier.ready(s.status());
                LOG.info("{}: running: first cycle done, {}", name, s.status());
            } else if (now - lastStatus >= s.statusIntervalNanos()) {
                lastStatus = now;
                notifier.status(s.status());
            }
            notifier.watchdogIfDue(now);
        }
    }

    private void startReading(Reloader reloader) {
        try {
            reads.execute(() -> read.set(readSafely(reloader)));
        } catch (RuntimeException e) {
            LOG.error("{}: reload not started ({}); keeping the running config", name, e.toString());
            read.set(UnaryOperator.identity());
        }
    }

    /** Whatever reading throws, the loop gets a step (keeping the running session when it failed). */
    private UnaryOperator<Session> readSafely(Reloader reloader) {
        try {
            return Objects.requireNonNull(reloader.read());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            LOG.error("{}: reload failed reading the config ({}); keeping the running config", name, e.toString());
            return UnaryOperator.identity();
        }
    }

    /** Asks for a reload: the config is read now, off the loop, and applied between cycles (what SIGHUP does). */
    public void requestReload() {
        reloadRequested = true;
    }

    /** Stops after the cycle in progress (what SIGTERM does). */
    public void stop() {
        stopping = true;
        FixedRateLoop l = loop;
        if (l != null) {
            l.stop();
        }
    }

    /** Cycles that missed their slot, over every loop run so far. */
    public long overruns() {
        FixedRateLoop l = loop;
        return overrunsBefore + (l == null ? 0 : l.overruns());
    }

    /** The session running now. */
    public Session session() {
        return session;
    }
}
