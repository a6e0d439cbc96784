package dev.wanctl.core.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Unix signal handlers through {@code sun.misc.Signal} (module {@code jdk.unsupported}, which the
 * runtime image must include). Public: daemons reload on SIGHUP, act on SIGUSR1 and stop
 * gracefully on SIGTERM/SIGINT through {@link GracefulShutdown}. When signals cannot be handled
 * (module missing, JVM started with {@code -Xrs}, signal reserved) the methods say so in a WARN
 * and return false, and the daemon runs on without that feature.
 */
public final class Signals {

    private static final Logger LOG = LoggerFactory.getLogger(Signals.class);

    private Signals() {
    }

    /** Runs {@code handler} on each SIGHUP (reload the configuration). */
    public static boolean onHangup(Runnable handler) {
        return handle("HUP", handler, "reload on SIGHUP is unavailable; restart the service to reload");
    }

    /** Runs {@code handler} on each SIGUSR1. */
    public static boolean onUser1(Runnable handler) {
        return handle("USR1", handler, "SIGUSR1 is ignored");
    }

    /**
     * Runs {@code handler} on signal {@code name} ("TERM", "INT", ...) on a short-lived thread of
     * the JVM's; true when installed. {@code fallback} tells the user what happens otherwise.
     */
    static boolean handle(String name, Runnable handler, String fallback) {
        try {
            Signal.handle(new Signal(name), sig -> {
                try {
                    handler.run();
                } catch (RuntimeException e) {
                    LOG.error("SIG{} handler failed", name, e);
                }
            });
            return true;
        } catch (IllegalArgumentException | LinkageError | SecurityException e) {
            LOG.warn("cannot handle SIG{} ({}): {}", name, e.toString(), fallback);
            return false;
        }
    }
}
