package dev.wanctl.core.probe;

/**
 * A TCP target such as {@code 1.1.1.1:443} (config: {@code [host, port]}); public because the
 * connectivity checks and the TCP fallback are configured with them.
 */
public record HostPort(String host, int port) {

    /** Validates. */
    public HostPort {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("TCP target host must not be empty");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("TCP target port must be 1 to 65535, got " + port + " for " + host);
        }
    }

    /** Parses {@code host:port}, {@code [v6]:port} or a bare IPv6 literal with no port is refused. */
    public static HostPort parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || text.startsWith("[") && text.charAt(colon - 1) != ']') {
            throw new IllegalArgumentException("expected host:port or [ipv6]:port, got '" + text + "'");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new HostPort(host, Integer.parseInt(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port of '" + text + "' is not a number", e);
        }
    }

    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
