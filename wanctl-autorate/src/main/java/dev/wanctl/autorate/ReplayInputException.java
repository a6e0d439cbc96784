package dev.wanctl.autorate;

/** A recording that cannot be replayed, with the line at fault. */
public final class ReplayInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReplayInputException(int line, String message) {
        super("line " + line + ": " + message);
    }
}
