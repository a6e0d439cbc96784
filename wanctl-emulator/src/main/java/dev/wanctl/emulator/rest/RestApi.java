package dev.wanctl.emulator.rest;

import dev.wanctl.emulator.model.ApiQuery;
import dev.wanctl.emulator.model.Json;
import dev.wanctl.emulator.model.MenuOps;
import dev.wanctl.emulator.model.MenuSpec;
import dev.wanctl.emulator.model.MenuSpecs;
import dev.wanctl.emulator.model.MenuTable;
import dev.wanctl.emulator.model.RequestKind;
import dev.wanctl.emulator.model.RosError;
import dev.wanctl.emulator.model.RosId;
import dev.wanctl.emulator.model.RouterState;
import dev.wanctl.emulator.model.Row;
import dev.wanctl.emulator.model.Transport;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The {@code /rest} API's semantics (routeros-api.md §1): paths to menus, methods to console
 * verbs, replies and errors as RouterOS gives them. Knows nothing of HTTP connections, auth or
 * faults ({@link RestHandler} does those).
 */
final class RestApi {

    private static final Set<String> DIRECTORIES = Set.of("queue", "ip", "ip/firewall", "system");
    private static final String RESOURCE = "system/resource";
    private static final String IDENTITY = "system/identity";

    private final RouterState state;
    private final RestCommands commands;

    RestApi(RouterState state) {
        this.state = state;
        this.commands = new RestCommands(state);
    }

    /** Reads are GET, HEAD and the {@code print}/{@code get} commands; everything else writes. */
    static RequestKind kindOf(String method, String path) {
        if (method.equals("GET") || method.equals("HEAD")) {
            return RequestKind.READ;
        }
        if (method.equals("POST") && (path.endsWith("/print") || path.endsWith("/get"))) {
            return RequestKind.READ;
        }
        return RequestKind.WRITE;
    }

    RestReply handle(String method, String rawPath, String rawQuery, String body) {
        if (method.equals("HEAD") || !Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
            return RestReply.notImplemented();
        }
        try {
            List<String> segs = segments(rawPath);
            synchronized (state.lock()) {
                return dispatch(method, segs, rawQuery, body);
            }
        } catch (RosError e) {
            return RestReply.error(e);
        }
    }

    private RestReply dispatch(String method, List<String> segs, String rawQuery, String body) throws RosError {
        for (int k = Math.min(3, segs.size()); k >= 1; k--) {
            String menu = String.join("/", segs.subList(0, k));
            List<String> rest = segs.subList(k, segs.size());
            MenuSpec spec = MenuSpecs.byPath(menu);
            if (spec != null) {
                return table(method, state.table(spec), only(rest), rawQuery, body);
            }
            if (menu.equals(RESOURCE) || menu.equals(IDENTITY)) {
                return singleton(method, menu, only(rest), rawQuery, body);
            }
        }
        for (int k = 1; k <= segs.size(); k++) {
            if (!DIRECTORIES.contains(String.join("/", segs.subList(0, k)))) {
                throw noSuchCommand(segs.get(k - 1));
            }
        }
        throw noSuchCommand(segs.isEmpty() ? "rest" : segs.getLast());
    }

    private RestReply table(String method, MenuTable t, String sub, String rawQuery, String body) throws RosError {
        MenuOps ops = state.ops();
        switch (method) {
            case "GET" -> {
                Map<String, String> query = query(rawQuery);
                List<String> proplist = proplist(query.remove(".proplist"));
                if (sub == null) {
                    List<Map<String, String>> out = new ArrayList<>();
                    for (Row r : t.rows()) {
                        Map<String, String> item = ops.render(t, r);
                        if (filtersMatch(t.spec, query, item)) {
                            out.add(project(item, proplist));
                        }
                    }
                    return RestReply.json(out);
                }
                return RestReply.json(project(ops.render(t, item(t, sub)), proplist));
            }
            case "PATCH" -> {
                Row r = item(t, require(sub));
                ops.set(t, r, scalars(Json.readObject(body)), Transport.REST);
                return RestReply.json(ops.render(t, r));
            }
            case "PUT" -> {
                if (sub != null) {
                    throw noSuchCommand(sub);
                }
                Map<String, String> values = scalars(Json.readObject(body));
                String before = values.remove("place-before");
                Row r = ops.add(t, values, Transport.REST);
                if (before != null) {
                    t.remove(r);
                    int at = t.rows().indexOf(item(t, before));
                    t.rows().add(at, r);
                }
                return RestReply.json(ops.render(t, r));
            }
            case "DELETE" -> {
                ops.remove(t, item(t, require(sub)));
                return RestReply.empty();
            }
            default -> {
                if (sub == null) {
                    throw RosError.badRequest("no such command");
                }
                return commands.run(t, sub, Json.readObject(body));
            }
        }
    }

    private RestReply singleton(String method, String menu, String sub, String rawQuery, String body) throws RosError {
        Map<String, String> obj = new LinkedHashMap<>();
        if (menu.equals(RESOURCE)) {
            state.system().fields().forEach(f -> obj.put(f.key(), f.rest()));
        } else {
            obj.put("name", state.system().identity);
        }
        if (method.equals("GET") && sub == null) {
            return RestReply.json(project(obj, proplist(query(rawQuery).get(".proplist"))));
        }
        if (!method.equals("POST") || sub == null) {
            throw noSuchCommand(sub == null ? menu.substring(menu.indexOf('/') + 1) : sub);
        }
        Map<String, JsonNode> args = Json.readObject(body);
        if (sub.equals("print")) {
            List<String> proplist = args.containsKey(".proplist") ? Json.words(args.get(".proplist"), true) : null;
            return RestReply.json(List.of(project(obj, proplist)));
        }
        if (sub.equals("set") && menu.equals(IDENTITY)) {
            for (String k : args.keySet()) {
                if (!k.equals("name")) {
                    throw RosError.unknownParameter(k);
                }
            }
            if (args.containsKey("name")) {
                state.system().identity = Json.scalar("name", args.get("name"));
                state.system().countWrite();
            }
            return RestReply.json(List.of());
        }
        throw commandNotHere(sub);
    }

    /** The item a path segment names: an id, or a name in named menus. */
    static Row item(MenuTable t, String sub) throws RosError {
        if (RosId.looksLikeId(sub)) {
            Row r = t.byId(RosId.parse(sub));
            if (r == null) {
                throw RosError.notFound();
            }
            return r;
        }
        if (!t.spec.named()) {
            throw RosError.badRequest("no such command prefix");
        }
        if (MenuSpecs.KNOWN_COMMANDS.contains(sub)) {
            throw RosError.badRequest("no such command");
        }
        Row r = t.byName(sub);
        if (r == null) {
            throw RosError.notFound();
        }
        return r;
    }

    static Map<String, String> project(Map<String, String> item, List<String> proplist) {
        if (proplist == null) {
            return item;
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put(".id", item.get(".id"));
        for (Map.Entry<String, String> e : item.entrySet()) {
            if (proplist.contains(e.getKey())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        if (item.get(".id") == null) {
            out.remove(".id");
        }
        return out;
    }

    static Map<String, String> scalars(Map<String, JsonNode> args) throws RosError {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : args.entrySet()) {
            out.put(e.getKey(), Json.scalar(e.getKey(), e.getValue()));
        }
        return out;
    }

    static RosError noSuchCommand(String word) {
        return RosError.badRequest("no such command or directory (" + word + ")");
    }

    /** A known command word used in a menu that does not have it: 406, unknown words 400. */
    static RosError commandNotHere(String word) {
        return MenuSpecs.KNOWN_COMMANDS.contains(word)
                ? new RosError(RosError.Kind.NOT_ACCEPTABLE, "no such command or directory (" + word + ")")
                : noSuchCommand(word);
    }

    private static boolean filtersMatch(MenuSpec spec, Map<String, String> filters, Map<String, String> item) {
        for (Map.Entry<String, String> f : filters.entrySet()) {
            String actual = item.get(f.getKey());
            if (actual == null || !actual.equals(ApiQuery.canonical(spec, f.getKey(), f.getValue()))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> proplist(String value) {
        return value == null ? null : Arrays.stream(value.split(",")).filter(s -> !s.isEmpty()).toList();
    }

    private static String require(String sub) throws RosError {
        if (sub == null) {
            throw RosError.badRequest("missing =.id=");
        }
        return sub;
    }

    private static String only(List<String> rest) throws RosError {
        if (rest.size() > 1) {
            throw noSuchCommand(rest.get(1));
        }
        return rest.isEmpty() ? null : rest.getFirst();
    }

    private static List<String> segments(String rawPath) throws RosError {
        if (!rawPath.equals("/rest") && !rawPath.startsWith("/rest/")) {
            throw noSuchCommand(rawPath);
        }
        List<String> out = new ArrayList<>();
        for (String s : rawPath.substring(5).split("/")) {
            if (!s.isEmpty()) {
                out.add(decode(s));
            }
        }
        return out;
    }

    /**
     * Query parameters, percent-decoded only: a {@code +} stays a plus, which is why clients must
     * send spaces as {@code %20} (routeros-api.md §1.5).
     */
    static Map<String, String> query(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            if (!k.isEmpty()) {
                out.put(decode(k), decode(v));
            }
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
