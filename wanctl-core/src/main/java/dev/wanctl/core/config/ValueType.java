package dev.wanctl.core.config;

/** The kinds of values a config key can hold; each says in words what it allows. */
public enum ValueType {
    STRING("a string"),
    /** Queue names and WAN names: letters, digits, {@code _ . -}, at most 64 characters. */
    IDENTIFIER("a name of letters, digits, '_', '.' or '-' (at most 64 characters)"),
    /** Mangle rule comments: letters, digits, {@code _ . - :} and spaces, at most 128 characters. */
    COMMENT("a comment of letters, digits, spaces, '_', '.', '-' or ':' (at most 128 characters)"),
    HOST("an IPv4 or IPv6 address or a host name"),
    HOST_LIST("a list of IPv4/IPv6 addresses or host names"),
    /** A list of {@code [host, port]} pairs (or {@code "host:port"} strings). */
    HOST_PORT_LIST("a list of [host, port] pairs"),
    INT("an integer"),
    NUMBER("a number"),
    BOOL("true or false"),
    PATH("a file path"),
    SECRET("a secret: a literal, ${ENV_VAR}, or a systemd credential name in ${...}"),
    CHOICE("one of the listed values"),
    /** SHA-256 fingerprint: 64 hex digits, colons allowed. */
    FINGERPRINT("a SHA-256 fingerprint (64 hex digits, colons allowed)"),
    SECTION("a section");

    private final String allowed;

    ValueType(String allowed) {
        this.allowed = allowed;
    }

    /** What this type allows, for error messages and docs. */
    public String allowed() {
        return allowed;
    }
}
