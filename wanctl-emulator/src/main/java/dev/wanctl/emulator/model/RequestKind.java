package dev.wanctl.emulator.model;

/** Whether a request only read the router or changed (or tried to change) its configuration. */
public enum RequestKind {
    READ,
    WRITE
}
