package dev.wanctl.routeros;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;

/**
 * A router call that did not succeed, with a {@link Kind} that tells the caller what to do about
 * it: retry later (unreachable, timeout, router error), stop (authentication), re-resolve or
 * report (not found), or report a bug or an unsupported RouterOS version (protocol).
 */
public final class RouterException extends Exception {

    /** Why a call failed. */
    public enum Kind {
        /** No connection could be made (refused, no route, DNS, connection reset before a reply). */
        UNREACHABLE,
        /** Connected, but no complete reply within the configured timeout. */
        TIMEOUT,
        /**
         * The router rejected the credentials (HTTP 401/403, SSH auth failure), or the router failed
         * our check of its identity (TLS certificate, pinned fingerprint, SSH host key): both need a
         * person to change something, and neither may be hidden by falling back to another transport.
         */
        AUTHENTICATION,
        /** The named queue, rule or item does not exist. */
        NOT_FOUND,
        /** The reply could not be understood (not JSON, missing field, unknown CLI layout). */
        PROTOCOL,
        /** The router understood and refused or failed the request (HTTP 400/5xx, CLI error text). */
        ROUTER_ERROR;

        /** Whether trying again later may succeed without anyone changing anything. */
        public boolean isTransient() {
            return this == UNREACHABLE || this == TIMEOUT || this == ROUTER_ERROR;
        }
    }

    private static final long serialVersionUID = 1L;
    private static final int MAX_DETAIL = 200;

    private final Kind kind;

    public RouterException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind);
    }

    public RouterException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind);
    }

    public Kind kind() {
        return kind;
    }

    /** A protocol error quoting the offending reply, shortened so a huge reply cannot flood a log. */
    public static RouterException protocol(String what, String offendingText) {
        return new RouterException(Kind.PROTOCOL, what + ": " + shorten(offendingText));
    }

    /** The queue-tree item named {@code name} does not exist on {@code router}. */
    public static RouterException queueNotFound(String router, String name) {
        return new RouterException(Kind.NOT_FOUND, "router " + router + ": no queue tree item named \"" + name + "\"");
    }

    /** No mangle rule has the comment {@code comment} on {@code router}. */
    public static RouterException ruleNotFound(String router, String comment) {
        return new RouterException(
                Kind.NOT_FOUND, "router " + router + ": no firewall mangle rule with comment \"" + comment + "\"");
    }

    /**
     * A failed network exchange with {@code router} classified by its exception: refused, no route,
     * unknown host, a connect timeout or a connection closed before the reply are
     * {@link Kind#UNREACHABLE}; a read or call timeout is {@link Kind#TIMEOUT}.
     */
    public static RouterException io(String router, String transport, IOException e) {
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Kind kind;
        if (e instanceof ConnectException || e instanceof NoRouteToHostException
                || e instanceof UnknownHostException || e instanceof PortUnreachableException) {
            kind = Kind.UNREACHABLE;
        } else if (e instanceof SocketTimeoutException && what.toLowerCase(Locale.ROOT).contains("connect")) {
            kind = Kind.UNREACHABLE;
        } else if (e instanceof InterruptedIOException) {
            kind = Kind.TIMEOUT;
        } else {
            kind = Kind.UNREACHABLE;
        }
        String verb = kind == Kind.TIMEOUT ? "no reply in time" : "cannot reach";
        return new RouterException(
                kind, "router " + router + " (" + transport + "): " + verb + ": " + shorten(what), e);
    }

    /** {@code text} cut to at most 200 characters, control characters made visible. */
    public static String shorten(String text) {
        if (text == null) {
            return "<nothing>";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX_DETAIL) + 16);
        for (int i = 0; i < text.length() && sb.length() < MAX_DETAIL; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c < 0x20) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (sb.length() >= MAX_DETAIL && text.length() > MAX_DETAIL) {
            sb.append("... (").append(text.length()).append(" chars)");
        }
        return sb.toString();
    }
}
