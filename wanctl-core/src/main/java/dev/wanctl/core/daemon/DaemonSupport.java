package dev.wanctl.core.daemon;

import dev.wanctl.core.config.EndpointConfig;
import dev.wanctl.core.config.RouterConfig;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;

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
        } catch (java.net.BindException ex) {
            throw portTaken("health_check", e, ex);
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
        } catch (java.net.BindException ex) {
            throw portTaken("metrics", e, ex);
        } catch (IOException | IllegalArgumentException ex) {
            throw new DaemonExit(ExitStatus.FAILURE, "cannot serve /metrics on " + e.host() + ":" + e.port() + " ("
                    + ex.getMessage() + "): change metrics.port", ex);
        }
    }

    /**
     * A port someone else holds is a configuration problem (exit 78, which the units do not
     * restart): the message names the key to change.
     */
    private static DaemonExit portTaken(String section, EndpointConfig e, java.net.BindException ex) {
        return new DaemonExit(ExitStatus.CONFIG, section + ".port: " + e.host() + ":" + e.port()
                + " is already in use (" + ex.getMessage() + "; another wanctl daemon or another program):"
                + " set " + section + ".port to a free port; `wanctl check-config /etc/wanctl/*.yaml` shows clashes"
                + " between configs", ex);
    }

    /**
     * Serves /health and /metrics (each when configured) while {@code body} runs, and closes them
     * when it returns or throws: the daemons' main loop runs inside.
     */
    public static void serving(EndpointConfig health, Supplier<HealthServer.Response> document,
            EndpointConfig metrics, PrometheusRegistry registry, Runnable body) throws DaemonExit {
        HealthServer healthServer = null;
        MetricsServer metricsServer = null;
        try {
            healthServer = health(health, document);
            metricsServer = metrics(metrics, registry);
            body.run();
        } finally {
            closeQuietly(healthServer);
            closeQuietly(metricsServer);
        }
    }

    /** "every 300 s, on SIGUSR1 and at shutdown" for the start-up line about the flight recording. */
    public static String recordingWhen(dev.wanctl.core.config.RecordingConfig r) {
        long s = r.writeInterval().toSeconds();
        return (s > 0 ? "every " + s + " s, " : "") + "on SIGUSR1 and at shutdown";
    }

    /** The last lines of both daemons' start-up banner (the reference's wording), to their logger. */
    public static void logLoopStart(Logger log, Duration interval, SystemdNotifier notifier) {
        log.info("Starting daemon mode with {}s cycle interval", interval.toMillis() / 1000.0);
        if (notifier.enabled()) {
            log.info("Systemd watchdog support enabled{}", notifier.watchdogInterval()
                    .map(d -> " (WatchdogSec=" + d.toMillis() / 1000.0 + "s)").orElse(""));
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
