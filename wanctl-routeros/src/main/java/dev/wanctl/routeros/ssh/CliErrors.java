package dev.wanctl.routeros.ssh;

import dev.wanctl.routeros.RouterException;
import dev.wanctl.routeros.RouterException.Kind;
import java.util.List;

/**
 * Recognises the console's error texts. RouterOS reports a failed command on stdout, often with
 * exit status 0, so the text is the signal. Item lines ({@code key=value}) and {@code ;;;}
 * comments never start with these phrases, so a comment that mentions "failure:" is not an error.
 */
final class CliErrors {

    private static final List<String> ERRORS = List.of(
            "bad command name",
            "syntax error",
            "expected end of command",
            "expected command name",
            "input does not match any value of",
            "value of ",
            "failure:",
            "invalid internal item number",
            "invalid value for argument",
            "ambiguous value of",
            "missing value(s) of argument(s)",
            "no such command");

    private CliErrors() {}

    /** Throws when {@code output} of {@code command} holds a console error message. */
    static void check(String router, String command, String output) throws RouterException {
        for (String line : output.split("\r?\n")) {
            String t = line.strip();
            if (t.startsWith("no such item")) {
                throw new RouterException(Kind.NOT_FOUND, message(router, command, t));
            }
            if (t.startsWith("not enough permissions")) {
                throw new RouterException(Kind.AUTHENTICATION, message(router, command, t)
                        + " (the user's group needs the read and write policies)");
            }
            for (String error : ERRORS) {
                if (t.startsWith(error)) {
                    throw new RouterException(Kind.ROUTER_ERROR, message(router, command, t));
                }
            }
        }
    }

    private static String message(String router, String command, String line) {
        return "router " + router + " (ssh) refused `" + command + "`: " + RouterException.shorten(line);
    }
}
