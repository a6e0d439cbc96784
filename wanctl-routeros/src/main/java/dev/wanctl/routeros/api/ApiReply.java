package dev.wanctl.routeros.api;

import java.util.List;
import java.util.Map;

/**
 * A finished command: the {@code !re} items in order, the attributes of {@code !done} (such as
 * {@code =ret=}), whether the router said {@code !empty} (RouterOS 7.18+ for a print that matched
 * nothing), and its {@code !trap} if it refused (null otherwise).
 */
public record ApiReply(List<Map<String, String>> items, Map<String, String> done, boolean empty, ApiTrap trap) {

    public ApiReply {
        items = List.copyOf(items);
        done = Map.copyOf(done);
    }

    public boolean refused() {
        return trap != null;
    }
}
