package dev.wanctl.core.config;

/** Reads an HTTP endpoint section and warns when it is reachable from other hosts. */
public final class Endpoints {

    private Endpoints() {}

    /** The endpoint; its port is {@code defaultPort} when the config gives none. */
    static EndpointConfig read(ConfigReader r, ConfigKey enabled, ConfigKey host, ConfigKey port, int defaultPort) {
        boolean on = r.bool(enabled);
        String h = r.string(host);
        int p = r.present(port) ? r.integer(port) : defaultPort;
        if (on && h != null && !isLoopback(h)) {
            r.warn(host, "listens on " + h + ", reachable from other hosts; 127.0.0.1 keeps it local");
        }
        return new EndpointConfig(on, h == null ? "127.0.0.1" : h, p);
    }

    /** /health and /metrics on one port cannot both be served (the daemon would exit at start). */
    static void distinct(ConfigReader r, CommonKeys c, EndpointConfig health, EndpointConfig metrics) {
        if (health.enabled() && metrics.enabled() && health.port() == metrics.port()
                && sameAddress(health.host(), metrics.host())) {
            ConfigKey where = r.present(c.metricsPort) ? c.metricsPort : c.healthPort;
            r.error(where, "metrics.port and health_check.port are both " + health.port() + " (line "
                    + r.line(c.healthPort.path()) + " and line " + r.line(c.metricsPort.path())
                    + "): one port serves one endpoint; give them different ports");
        }
    }

    /** Whether two listen addresses can collide: the same, or either one a wildcard. */
    public static boolean sameAddress(String a, String b) {
        return a.equals(b) || isWildcard(a) || isWildcard(b);
    }

    private static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("*") || host.isEmpty();
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }
}
