package dev.wanctl.core.daemon;

import dev.wanctl.core.runtime.Clock;
import dev.wanctl.core.runtime.FixedRateLoop;
import dev.wanctl.core.runtime.Sleeper;

import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle both daemons share: run the current {@link Session}'s cycle at its interval,
 * apply a reload requested by SIGHUP at the start of a cycle (restarting the loop when the
 * interval changed), tell systemd READY after the first cycle, WATCHDOG while cycles run and
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

    /** Builds the session of a new config, or keeps the current one when the new config is unusable. */
    @FunctionalInterface
    public interface Reloader {
        /** Returns the session to run from now on (the same one when the reload was refused). */
        Session reload(Session current);
    }

    private final Clock clock;
    private final SystemdNotifier notifier;
    private final Sleeper sleeper;
    private final String name;
    private volatile boolean reloadRequested;
    private volatile boolean stopping;
    private volatile FixedRateLoop loop;
    private volatile Session session;
    private long overrunsBefore;

    public DaemonLoop(Clock clock, SystemdNotifier notifier, Sleeper sleeper, String name) {
        this.clock = clock;
        this.notifier = notifier;
        this.sleeper = sleeper;
        this.name = name;
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
            if (reloadRequested) {
                reloadRequested = false;
                Session before = session;
                notifier.reloading();
                Session after = reloader.reload(before);
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

    /** Asks for a reload before the next cycle (what SIGHUP does). */
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
