package dev.wanctl.core.daemon;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Where a local HTTP endpoint listens: loopback unless the configuration explicitly allows more. */
final class ListenAddress {

    private ListenAddress() {
    }

    /**
     * Resolves {@code host:port} for the endpoint named {@code what} (e.g. "health_check"),
     * refusing a non-loopback address unless {@code allowNonLoopback}.
     */
    static InetSocketAddress of(String what, String host, int port, boolean allowNonLoopback) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(what + ".port must be 0 to 65535, got " + port);
        }
        InetAddress addr;
        try {
            addr = InetAddress.getByName(host == null || host.isBlank() ? "127.0.0.1" : host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(what + ".host '" + host + "' does not resolve", e);
        }
        if (!addr.isLoopbackAddress() && !allowNonLoopback) {
            throw new IllegalArgumentException(what + ".host " + host + " (" + addr.getHostAddress()
                    + ") is not a loopback address; it would expose the endpoint to the network. "
                    + "Use 127.0.0.1, or allow it explicitly in the configuration");
        }
        return new InetSocketAddress(addr, port);
    }
}
