package dev.wanctl.routeros.ssh;

import dev.wanctl.routeros.QueueInfo;
import dev.wanctl.routeros.QueueStats;
import dev.wanctl.routeros.RouterException;
import dev.wanctl.routeros.RouterItems;
import java.util.List;

/**
 * Turns console listings into the transport-neutral records. The console prints bandwidths
 * humanised ({@code 500M}) and does not show ids, so {@link QueueInfo#id()} is empty over SSH.
 */
final class CliReplies {

    private final String router;

    CliReplies(String router) {
        this.router = router;
    }

    /** The one item named {@code name} in a listing filtered by name; NOT_FOUND when absent. */
    CliItem queue(String name, List<CliItem> items) throws RouterException {
        for (CliItem item : items) {
            if (name.equals(item.fields().get("name"))) {
                return item;
            }
        }
        throw RouterException.queueNotFound(router, name);
    }

    QueueInfo queueInfo(CliItem q) throws RouterException {
        return RouterItems.queueInfo("", q.disabled(), key -> field(q, key));
    }

    QueueStats queueStats(CliItem q) throws RouterException {
        return RouterItems.queueStats(key -> field(q, key));
    }

    /** The number {@code :put [... count-only ...]} printed. */
    int count(String command, String output) throws RouterException {
        String t = output.strip();
        if (!t.matches("\\d{1,9}")) {
            throw RouterException.protocol("router " + router + ": `" + command + "` did not print a count", output);
        }
        return Integer.parseInt(t);
    }

    private String field(CliItem item, String key) throws RouterException {
        String v = item.fields().get(key);
        if (v == null) {
            throw RouterException.protocol("router " + router + ": console item " + item.number() + " shows no "
                    + key + "=", item.fields().toString());
        }
        return v;
    }
}
