package dev.wanctl.core.probe;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * What one reflector slot probes right now: the host's name, its resolved address (null while it
 * does not resolve) with the raw bytes kept so sends allocate nothing, the TCP port (0 for ICMP),
 * and a generation that changes when the slot gets another host, so late replies of the previous
 * host are not taken for the new one.
 */
record Target(String name, InetAddress address, byte[] addressBytes, int scopeId, int port, int generation) {

    static Target unresolved(String name, int port, int generation) {
        return new Target(name, null, null, 0, port, generation);
    }

    static Target resolved(String name, InetAddress address, int port, int generation) {
        int scope = address instanceof Inet6Address v6 ? v6.getScopeId() : 0;
        return new Target(name, address, address.getAddress(), scope, port, generation);
    }

    boolean isResolved() {
        return address != null;
    }

    boolean isIpv6() {
        return addressBytes != null && addressBytes.length == 16;
    }
}
