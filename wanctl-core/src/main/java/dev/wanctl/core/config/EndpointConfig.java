package dev.wanctl.core.config;

/** An HTTP endpoint a daemon serves (/health, /metrics). */
public record EndpointConfig(boolean enabled, String host, int port) {}
