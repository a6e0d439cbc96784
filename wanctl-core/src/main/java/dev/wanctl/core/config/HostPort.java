package dev.wanctl.core.config;

/** A TCP endpoint, e.g. a fallback connectivity target {@code [1.1.1.1, 443]}. */
public record HostPort(String host, int port) {

    public HostPort {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be from 1 to 65535, got " + port);
        }
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
