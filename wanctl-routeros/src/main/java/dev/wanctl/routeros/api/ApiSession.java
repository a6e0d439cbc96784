package dev.wanctl.routeros.api;

import dev.wanctl.core.runtime.Clock;
import dev.wanctl.routeros.Deadline;
import dev.wanctl.routeros.RouterException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one connection a client uses, opened on demand and opened again after it failed. Failed
 * attempts back off (250 ms doubling to 5 s): during the wait a call fails at once with the last
 * attempt's error instead of hammering a router that is rebooting or refusing the password.
 */
final class ApiSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiSession.class);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final ApiDialer dialer;
    private final ApiSettings settings;
    private final Clock clock;
    private ApiConnection connection; // guarded by this
    private int failures; // guarded by this
    private long retryAtNanos; // guarded by this
    private RouterException lastFailure; // guarded by this
    private long connectionsMade; // guarded by this
    private boolean closed; // guarded by this

    ApiSession(ApiSettings settings, Clock clock) {
        this.settings = settings;
        this.dialer = new ApiDialer(settings);
        this.clock = clock;
    }

    /**
     * The bound of one call: the request timeout, plus the connect timeout when a connection has to
     * be opened first.
     */
    synchronized Deadline newDeadline() {
        boolean open = connection != null && connection.isOpen();
        return Deadline.after(clock, open ? settings.requestTimeout()
                : settings.connectTimeout().plus(settings.requestTimeout()));
    }

    /** The open connection, opening one if needed; synchronized so that two callers never both dial. */
    synchronized ApiConnection connection(Deadline deadline) throws RouterException {
        if (closed) {
            throw new RouterException(RouterException.Kind.UNREACHABLE, "router " + settings.host()
                    + " (api): client closed");
        }
        if (connection != null && connection.isOpen()) {
            return connection;
        }
        if (connection != null) {
            LOG.info("router {} (api): connection lost ({}); opening a new one", settings.host(),
                    connection.failure().getMessage());
            connection = null;
        }
        long now = clock.nanoTime();
        if (lastFailure != null && now < retryAtNanos) {
            throw new RouterException(lastFailure.kind(), lastFailure.getMessage() + " (next attempt in "
                    + Duration.ofNanos(retryAtNanos - now).toMillis() + " ms)", lastFailure);
        }
        try {
            connection = dialer.open(deadline);
            connectionsMade++;
            failures = 0;
            lastFailure = null;
            return connection;
        } catch (RouterException e) {
            failures++;
            lastFailure = e;
            long backoff = Math.min(MAX_BACKOFF.toNanos(), FIRST_BACKOFF.toNanos() << Math.min(failures - 1, 10));
            retryAtNanos = clock.nanoTime() + backoff;
            throw e;
        }
    }

    /** How many connections were opened so far; a change means ids may have changed (a reboot). */
    synchronized long connectionsMade() {
        return connectionsMade;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}
