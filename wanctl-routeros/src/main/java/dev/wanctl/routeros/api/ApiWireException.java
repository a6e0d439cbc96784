package dev.wanctl.routeros.api;

/**
 * Bytes from the router that are not a RouterOS API sentence (a reserved control byte, a word
 * longer than we accept, a sentence with too many words): the stream cannot be trusted any more and
 * the connection is closed.
 */
public final class ApiWireException extends Exception {

    private static final long serialVersionUID = 1L;

    public ApiWireException(String message) {
        super(message);
    }
}
