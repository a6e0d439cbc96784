package dev.wanctl.routeros.rest;

import dev.wanctl.routeros.Deadline;
import dev.wanctl.routeros.RouterException;
import dev.wanctl.routeros.RouterException.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Finds items by an exact field value (a queue's name, a rule's comment) and caches their
 * {@code .id}s, because RouterOS writes need ids and ids change after a restore or reboot. A
 * cached id that answers 404 or now names another item is resolved again, once per call; before a
 * PATCH to a cached id the item is read to check it still carries the value (one small GET per
 * write), so a rate never lands in a queue that took another's name.
 *
 * <p>Resolving asks the router to filter ({@code ?comment=...}, exact match) and, when that
 * returns nothing, lists the whole menu and matches here: server-side filtering has been
 * unreliable for values with spaces and punctuation. A regex match ({@code comment~}) is never used.
 */
final class RestItems {

    private static final Logger LOG = LoggerFactory.getLogger(RestItems.class);

    private final RestHttp http;
    private final String router;
    private final ConcurrentMap<String, List<String>> ids = new ConcurrentHashMap<>();
    private final AtomicLong idsValidForConnections = new AtomicLong();

    RestItems(RestHttp http, String router) {
        this.http = http;
        this.router = router;
    }

    /** The cached ids of {@code value}, or null; all ids are dropped after a new connection (a reboot renumbers). */
    private List<String> cachedIds(RestMenu menu, String value) {
        long connections = http.connectionsMade();
        if (idsValidForConnections.getAndSet(connections) != connections) {
            ids.clear();
        }
        return ids.get(cacheKey(menu, value));
    }

    /** The current state of every item of {@code menu} whose key field equals {@code value}. */
    List<JsonNode> read(RestMenu menu, String value, Deadline deadline) throws RouterException {
        List<String> cached = cachedIds(menu, value);
        if (cached != null) {
            List<JsonNode> items = new ArrayList<>(cached.size());
            for (String id : cached) {
                JsonNode item = getIfSame(menu, value, id, deadline);
                if (item == null) {
                    ids.remove(cacheKey(menu, value));
                    return resolve(menu, value, deadline);
                }
                items.add(item);
            }
            return items;
        }
        return resolve(menu, value, deadline);
    }

    /**
     * PATCHes {@code jsonBody} onto every item of {@code menu} whose key field equals
     * {@code value}; NOT_FOUND (naming the value) when none exists even after resolving again.
     */
    void patch(RestMenu menu, String value, String jsonBody, Deadline deadline) throws RouterException {
        List<String> cached = cachedIds(menu, value);
        if (cached != null) {
            // an id may name another item by now (two queues that traded names): read it first, so
            // a write never lands on an item the config does not name
            if (allStillNamed(menu, value, cached, deadline) && patchAll(menu, value, cached, jsonBody, deadline)) {
                return;
            }
            ids.remove(cacheKey(menu, value));
        }
        if (!patchAll(menu, value, idsOf(resolve(menu, value, deadline)), jsonBody, deadline)) {
            throw menu.notFound(router, value);
        }
    }

    private boolean allStillNamed(RestMenu menu, String value, List<String> cached, Deadline deadline)
            throws RouterException {
        for (String id : cached) {
            if (getIfSame(menu, value, id, deadline) == null) {
                return false;
            }
        }
        return true;
    }

    /** The item at {@code id}, or null when it is gone or now has another key value (renumbered). */
    private JsonNode getIfSame(RestMenu menu, String value, String id, Deadline deadline) throws RouterException {
        try {
            JsonNode item = http.get(http.url(menu.path, id), deadline);
            if (value.equals(RestJson.optString(item, menu.key))) {
                return item;
            }
            LOG.info("router {}: id {} of {} \"{}\" now names another item; resolving again",
                    router, id, menu.key, value);
        } catch (RouterException e) {
            if (e.kind() != Kind.NOT_FOUND) {
                throw e;
            }
            LOG.info("router {}: id {} of {} \"{}\" is gone (404); resolving again", router, id, menu.key, value);
        }
        return null;
    }

    /** Whether every PATCH landed on the intended item; false on a 404 or a renumbered id. */
    private boolean patchAll(RestMenu menu, String value, List<String> targets, String jsonBody, Deadline deadline)
            throws RouterException {
        for (String id : targets) {
            JsonNode reply;
            try {
                reply = http.patch(http.url(menu.path, id), jsonBody, deadline);
            } catch (RouterException e) {
                if (e.kind() != Kind.NOT_FOUND) {
                    throw e;
                }
                LOG.info("router {}: id {} of {} \"{}\" is gone (404); resolving again", router, id, menu.key, value);
                return false;
            }
            if (!value.equals(RestJson.optString(reply, menu.key))) {
                LOG.error("router {}: id {} no longer names {} \"{}\"; that other item got {} by mistake",
                        router, id, menu.key, value, jsonBody);
                return false;
            }
        }
        return true;
    }

    private List<JsonNode> resolve(RestMenu menu, String value, Deadline deadline) throws RouterException {
        List<JsonNode> hits = exactMatches(menu, value, http.get(http.url(menu.path, null, menu.key, value), deadline));
        if (hits.isEmpty()) {
            hits = exactMatches(menu, value, http.get(http.url(menu.path, null), deadline));
        }
        if (hits.isEmpty()) {
            throw menu.notFound(router, value);
        }
        ids.put(cacheKey(menu, value), idsOf(hits));
        idsValidForConnections.set(http.connectionsMade()); // resolved over the current connection
        return hits;
    }

    private List<JsonNode> exactMatches(RestMenu menu, String value, JsonNode listing) throws RouterException {
        if (!listing.isArray()) {
            throw RouterException.protocol("router " + router + ": expected a JSON array from /rest/" + menu.path,
                    listing.toString());
        }
        List<JsonNode> hits = new ArrayList<>();
        for (JsonNode item : listing) {
            if (value.equals(RestJson.optString(item, menu.key))) {
                hits.add(item);
            }
        }
        return hits;
    }

    private List<String> idsOf(List<JsonNode> items) throws RouterException {
        List<String> out = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            out.add(RestJson.string(router, item, ".id"));
        }
        return List.copyOf(out);
    }

    private static String cacheKey(RestMenu menu, String value) {
        return menu.path + '\u0000' + value;
    }
}
