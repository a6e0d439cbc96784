package dev.wanctl.core.probe;

/** How a reflector is doing; public because /health lists it per reflector. */
public enum ReflectorState {
    /** Answers, with low loss, close to the others. */
    OK,
    /** No reply for the configured number of intervals in a row. */
    NO_REPLY,
    /** Too many timeouts over the window. */
    LOSSY,
    /** Its recent minimum RTT is far above the other reflectors' median. */
    OUTLIER,
    /** The host name does not resolve, or to an address family this host cannot probe. */
    UNRESOLVED
}
