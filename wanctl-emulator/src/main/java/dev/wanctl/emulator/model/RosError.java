package dev.wanctl.emulator.model;

/**
 * A RouterOS error with the text the router gives; each transport shows it its own way (REST: a
 * status code and a {@code detail}, CLI: a line on stdout).
 */
public final class RosError extends Exception {

    private static final long serialVersionUID = 1L;

    /** Which family of error, which decides the REST status. */
    public enum Kind {
        /** The item does not exist (REST 404, CLI {@code no such item}). */
        NOT_FOUND,
        /** A value, parameter or semantic problem (REST 400 with detail). */
        BAD_REQUEST,
        /** A command that is not valid in this menu (REST 406). */
        NOT_ACCEPTABLE
    }

    private final Kind kind;

    public RosError(Kind kind, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static RosError notFound() {
        return new RosError(Kind.NOT_FOUND, "no such item");
    }

    public static RosError badRequest(String detail) {
        return new RosError(Kind.BAD_REQUEST, detail);
    }

    public static RosError unknownParameter(String name) {
        return badRequest("unknown parameter " + name);
    }

    static RosError noMatch(String field) {
        return badRequest("input does not match any value of " + field);
    }
}
