package dev.wanctl.core.config;

/** Reads an HTTP endpoint section and warns when it is reachable from other hosts. */
final class Endpoints {

    private Endpoints() {}

    static EndpointConfig read(ConfigReader r, ConfigKey enabled, ConfigKey host, ConfigKey port) {
        boolean on = r.bool(enabled);
        String h = r.string(host);
        int p = r.integer(port);
        if (on && h != null && !isLoopback(h)) {
            r.warn(host, "listens on " + h + ", reachable from other hosts; 127.0.0.1 keeps it local");
        }
        return new EndpointConfig(on, h == null ? "127.0.0.1" : h, p);
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }
}
