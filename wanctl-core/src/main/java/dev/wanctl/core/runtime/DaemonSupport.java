package dev.wanctl.core.runtime;

import dev.wanctl.core.config.EndpointConfig;
import dev.wanctl.core.config.RouterConfig;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Start-up steps both daemons take, turned into {@link DaemonExit}s whose messages say what to
 * fix. Public: the daemons call them.
 */
public final class DaemonSupport {

    private DaemonSupport() {}

    /** Takes the instance lock (exit 75 naming the holder when another instance runs). */
    public static InstanceLock lock(Path file) throws DaemonExit {
        try {
            return InstanceLock.acquire(file);
        } catch (LockHeldException e) {
            throw new DaemonExit(ExitStatus.LOCKED, e.getMessage());
        } catch (IOException e) {
            throw new DaemonExit(ExitStatus.FAILURE, "cannot take the lock " + file + ": " + e.getMessage()
                    + " (is its directory writable by this user? the unit creates /run/wanctl with"
                    + " RuntimeDirectory=wanctl)", e);
        }
    }

    /** Serves /health when enabled; null when not. The config names the host, so any host is allowed. */
    public static HealthServer health(EndpointConfig e, Supplier<HealthServer.Response> supplier) throws DaemonExit {
        if (!e.enabled()) {
            return null;
        }
        try {
            return HealthServer.start(e.host(), e.port(), true, supplier);
        } catch (IOException | IllegalArgumentException ex) {
            throw new DaemonExit(ExitStatus.FAILURE, "cannot serve /health on " + e.host() + ":" + e.port() + " ("
                    + ex.getMessage() + "): is another daemon on that port? change health_check.port", ex);
        }
    }

    /** Serves /metrics when enabled; null when not. */
    public static MetricsServer metrics(EndpointConfig e, PrometheusRegistry registry) throws DaemonExit {
        if (!e.enabled()) {
            return null;
        }
        try {
            return MetricsServer.start(e.host(), e.port(), true, registry);
        } catch (IOException | IllegalArgumentException ex) {
            throw new DaemonExit(ExitStatus.FAILURE, "cannot serve /metrics on " + e.host() + ":" + e.port() + " ("
                    + ex.getMessage() + "): change metrics.port", ex);
        }
    }

    /**
     * The router refused our user at start (exit 77): names the user and the router and where the
     * password comes from, so the operator knows what to fix.
     */
    public static DaemonExit routerRejected(RouterConfig r, String detail) {
        return new DaemonExit(ExitStatus.AUTH, "router " + r.host() + " rejected user \"" + r.user() + "\" (" + detail
                + "): check router.user and the password (router.password, /etc/wanctl/secrets or the systemd"
                + " credential)");
    }

    /** Closes quietly (shutdown paths). */
    public static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            // closing at shutdown: nothing left to do about it
        }
    }
}
