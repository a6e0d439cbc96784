package dev.wanctl.emulator.api;

import dev.wanctl.emulator.model.ApiQuery;
import dev.wanctl.emulator.model.MenuOps;
import dev.wanctl.emulator.model.MenuSpec;
import dev.wanctl.emulator.model.MenuSpecs;
import dev.wanctl.emulator.model.MenuTable;
import dev.wanctl.emulator.model.RosError;
import dev.wanctl.emulator.model.RouterState;
import dev.wanctl.emulator.model.Row;
import dev.wanctl.emulator.model.SystemResource;
import dev.wanctl.emulator.model.Transport;
import dev.wanctl.routeros.api.ApiSentence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API's semantics (routeros-api.md §6): menu path and command word, {@code =} attributes,
 * {@code ?} queries, {@code .proplist}; {@code !re} per item, then {@code !done}; {@code !trap} with
 * the RouterOS message and category; {@code !empty} before {@code !done} when a print matches
 * nothing on RouterOS 7.18 and later. Knows nothing of sockets, login or faults.
 */
final class ApiCommands {

    /** A print that keeps sending its items every {@code intervalMillis}. */
    interface Stream {
        long intervalMillis();

        List<List<String>> items();
    }

    /** The sentences to send now, or a stream to start. */
    record Result(List<List<String>> sentences, Stream stream) {
        static Result of(List<List<String>> s) {
            return new Result(s, null);
        }
    }

    private final RouterState state;

    ApiCommands(RouterState state) {
        this.state = state;
    }

    Result run(ApiSentence s) {
        String command = s.head();
        int slash = command.lastIndexOf('/');
        if (!command.startsWith("/") || slash <= 0) {
            return trap(0, "no such command");
        }
        String menu = command.substring(1, slash);
        String verb = command.substring(slash + 1);
        Map<String, String> attrs = s.attributes(); // a new map of its own
        Set<String> proplist = proplist(attrs.remove(".proplist"));
        try {
            synchronized (state.lock()) {
                if (menu.equals("system/resource") || menu.equals("system/identity")) {
                    if (!verb.equals("print") && !verb.equals("getall")) {
                        return trap(0, "no such command");
                    }
                    Map<String, String> obj = new LinkedHashMap<>();
                    if (menu.equals("system/resource")) {
                        for (SystemResource.Field f : state.system().fields()) {
                            obj.put(f.key(), f.rest());
                        }
                    } else {
                        obj.put("name", state.identity());
                    }
                    if (proplist != null) {
                        obj.keySet().retainAll(proplist);
                    }
                    return Result.of(List.of(item(obj), List.of("!done")));
                }
                MenuSpec spec = MenuSpecs.byPath(menu);
                if (spec == null) {
                    return trap(0, "no such command prefix");
                }
                MenuTable t = state.table(spec);
                return table(t, verb, attrs, s.queries(), proplist);
            }
        } catch (RosError e) {
            return trap(e.kind() == RosError.Kind.NOT_FOUND ? 0 : 1,
                    e.kind() == RosError.Kind.NOT_FOUND ? "no such item" : e.getMessage());
        }
    }

    private Result table(MenuTable t, String verb, Map<String, String> attrs, List<String> queries,
            Set<String> proplist) throws RosError {
        MenuOps ops = state.ops();
        if (verb.equals("print") || verb.equals("getall")) {
            String interval = attrs.remove("interval");
            attrs.remove("stats");
            attrs.remove("detail");
            for (String k : attrs.keySet()) {
                throw RosError.unknownParameter(k);
            }
            List<List<String>> items = print(t, queries, proplist);
            if (interval != null) {
                long ms = intervalMillis(interval);
                return new Result(null, new Stream() {
                    @Override
                    public long intervalMillis() {
                        return ms;
                    }

                    @Override
                    public List<List<String>> items() {
                        synchronized (state.lock()) {
                            try {
                                return print(t, queries, proplist);
                            } catch (RosError e) {
                                return List.of();
                            }
                        }
                    }
                });
            }
            List<List<String>> out = new ArrayList<>(items);
            if (items.isEmpty() && emptyReply()) {
                out.add(List.of("!empty"));
            }
            out.add(List.of("!done"));
            return Result.of(out);
        }
        if (!t.spec.commands().contains(verb)) {
            return trap(0, "no such command");
        }
        String ref = attrs.containsKey("numbers") ? attrs.remove("numbers") : attrs.remove(".id");
        switch (verb) {
            case "set" -> {
                for (Row r : ops.resolveNumbers(t, ref)) {
                    ops.set(t, r, attrs, Transport.API);
                }
            }
            case "enable", "disable" -> {
                for (Row r : ops.resolveNumbers(t, ref)) {
                    ops.setDisabled(t, r, verb.equals("disable"), Transport.API);
                }
            }
            case "reset-counters" -> {
                for (Row r : ops.resolveNumbers(t, ref)) {
                    r.counters.resetCumulative();
                }
            }
            case "remove" -> {
                for (Row r : ops.resolveNumbers(t, ref)) {
                    ops.remove(t, r);
                }
            }
            case "add" -> {
                Row r = ops.add(t, attrs, Transport.API);
                return Result.of(List.of(List.of("!done", "=ret=" + r.idText())));
            }
            default -> {
                return trap(0, "no such command");
            }
        }
        return Result.of(List.of(List.of("!done")));
    }

    private List<List<String>> print(MenuTable t, List<String> queries, Set<String> proplist) throws RosError {
        // the query reads only the fields it names, and .proplist renders only the fields sent
        MenuOps ops = state.ops();
        List<List<String>> out = new ArrayList<>();
        for (Row r : t.rows()) {
            if (ApiQuery.matches(queries, t.spec, ops.view(t, r))) {
                out.add(item(ops.render(t, r, proplist)));
            }
        }
        return out;
    }

    private static List<String> item(Map<String, String> obj) {
        List<String> words = new ArrayList<>(obj.size() + 1);
        words.add("!re");
        for (Map.Entry<String, String> e : obj.entrySet()) {
            words.add("=" + e.getKey() + "=" + e.getValue());
        }
        return words;
    }

    /** RouterOS 7.18 and later answer an empty print with {@code !empty} before {@code !done}. */
    private boolean emptyReply() {
        String[] v = state.version().split("[ .]");
        try {
            int major = Integer.parseInt(v[0]);
            int minor = v.length > 1 ? Integer.parseInt(v[1]) : 0;
            return major > 7 || (major == 7 && minor >= 18);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Set<String> proplist(String value) {
        if (value == null) {
            return null;
        }
        Set<String> names = new HashSet<>();
        for (String x : value.split(",")) {
            if (!x.isEmpty()) {
                names.add(x);
            }
        }
        return names;
    }

    /** {@code 200ms}, {@code 1s}, {@code 2} (seconds); at least 10 ms. */
    static long intervalMillis(String text) throws RosError {
        try {
            long ms;
            if (text.endsWith("ms")) {
                ms = Long.parseLong(text.substring(0, text.length() - 2));
            } else if (text.endsWith("s")) {
                ms = Math.round(Double.parseDouble(text.substring(0, text.length() - 1)) * 1000);
            } else {
                ms = Math.round(Double.parseDouble(text) * 1000);
            }
            return Math.max(10, ms);
        } catch (NumberFormatException e) {
            throw RosError.badRequest("value of interval is not a duration: " + text);
        }
    }

    private static Result trap(int category, String message) {
        return Result.of(List.of(List.of("!trap", "=category=" + category, "=message=" + message), List.of("!done")));
    }
}
