package dev.wanctl.routeros.ssh;

import dev.wanctl.routeros.RouterException;
import dev.wanctl.routeros.RouterException.Kind;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import net.schmizz.sshj.common.SSHException;

/** Classifies what sshj throws: the socket failure underneath if any, else a wait that timed out. */
final class SshFailures {

    private SshFailures() {}

    static RouterException classify(String router, String during, Exception e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof IOException io && !(c instanceof SSHException)) {
                return RouterException.io(router, "ssh", io);
            }
            if (c instanceof TimeoutException) {
                return new RouterException(Kind.TIMEOUT, "router " + router + " (ssh): no reply in time " + during, e);
            }
        }
        return new RouterException(Kind.UNREACHABLE, "router " + router + " (ssh): " + during + " failed: "
                + RouterException.shorten(String.valueOf(e.getMessage())), e);
    }

    static boolean isTimeout(Exception e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
