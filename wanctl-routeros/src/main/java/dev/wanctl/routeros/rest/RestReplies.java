package dev.wanctl.routeros.rest;

import dev.wanctl.routeros.QueueInfo;
import dev.wanctl.routeros.QueueStats;
import dev.wanctl.routeros.RouterException;
import dev.wanctl.routeros.RouterItems;
import dev.wanctl.routeros.RouterValues;
import dev.wanctl.routeros.SystemInfo;
import tools.jackson.databind.JsonNode;

/**
 * Turns REST JSON objects into the transport-neutral records. Every value arrives as a string;
 * booleans are {@code "true"/"false"} and may be absent (absent means false); bandwidths are plain
 * integers but suffixed values are accepted too.
 */
final class RestReplies {

    private final String router;

    RestReplies(String router) {
        this.router = router;
    }

    QueueInfo queueInfo(JsonNode q) throws RouterException {
        return RouterItems.queueInfo(str(q, ".id"), flag(q, "disabled"), field -> str(q, field));
    }

    QueueStats queueStats(JsonNode q) throws RouterException {
        return RouterItems.queueStats(field -> str(q, field));
    }

    /** Whether a mangle rule is enabled; a rule never written with {@code disabled} lacks the field. */
    boolean ruleEnabled(JsonNode rule) throws RouterException {
        return !flag(rule, "disabled");
    }

    SystemInfo systemInfo(JsonNode r) throws RouterException {
        return new SystemInfo(
                str(r, "version"),
                str(r, "board-name"),
                RouterValues.percent("cpu-load", str(r, "cpu-load")),
                RouterValues.duration("uptime", str(r, "uptime")));
    }

    private boolean flag(JsonNode item, String field) throws RouterException {
        String v = RestJson.optString(item, field);
        return v != null && RouterValues.bool(field, v);
    }

    private String str(JsonNode item, String field) throws RouterException {
        return RestJson.string(router, item, field);
    }
}
