package dev.wanctl.routeros.rest;

import dev.wanctl.routeros.RouterException;

/** The two RouterOS menus whose items wanctl finds by an exact field value. */
enum RestMenu {
    QUEUE_TREE("queue/tree", "name"),
    MANGLE("ip/firewall/mangle", "comment");

    final String path;
    final String key;

    RestMenu(String path, String key) {
        this.path = path;
        this.key = key;
    }

    RouterException notFound(String router, String value) {
        return this == QUEUE_TREE
                ? RouterException.queueNotFound(router, value)
                : RouterException.ruleNotFound(router, value);
    }
}
