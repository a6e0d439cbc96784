package dev.wanctl.emulator.model;

import dev.wanctl.emulator.EmulatedRouterClient;

/** Which way a call reached the emulated router; faults and request counts are kept per transport. */
public enum Transport {
    /** HTTP or HTTPS to {@code /rest}. */
    REST,
    /** An exec channel of the SSH server. */
    SSH,
    /** The RouterOS API (sentences on one connection), plain or TLS. */
    API,
    /** {@link EmulatedRouterClient}, straight onto the state without sockets. */
    IN_PROCESS
}
