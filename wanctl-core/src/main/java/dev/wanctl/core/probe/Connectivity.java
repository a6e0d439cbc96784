package dev.wanctl.core.probe;

/** Whether the internet is reachable when no reflector answers; public for the fallback decision. */
public enum Connectivity {
    /** The gateway answered a ping or a TCP target accepted a connection. */
    PRESENT,
    /** Nothing answered (or no check is configured): total loss. */
    ABSENT,
    /** Not checked yet. */
    UNKNOWN
}
