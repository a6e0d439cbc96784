package dev.wanctl.emulator.rest;

import dev.wanctl.emulator.model.ApiQuery;
import dev.wanctl.emulator.model.Json;
import dev.wanctl.emulator.model.MenuOps;
import dev.wanctl.emulator.model.MenuTable;
import dev.wanctl.emulator.model.RosError;
import dev.wanctl.emulator.model.RouterState;
import dev.wanctl.emulator.model.Row;
import dev.wanctl.emulator.model.Transport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /rest/<menu>/<command>} on table menus (routeros-api.md §1.6): {@code print} with
 * {@code .proplist} and {@code .query}, and the item commands that take {@code numbers} (or its
 * synonym {@code .id}). Called with the state's lock held.
 */
final class RestCommands {

    private final RouterState state;

    RestCommands(RouterState state) {
        this.state = state;
    }

    RestReply run(MenuTable t, String command, Map<String, JsonNode> args) throws RosError {
        if (!t.spec.commands().contains(command)) {
            throw RestApi.commandNotHere(command);
        }
        MenuOps ops = state.ops();
        return switch (command) {
            case "print" -> print(t, args);
            case "add" -> RestReply.json(Map.of("ret", ops.add(t, RestApi.scalars(args), Transport.REST).idText()));
            case "set" -> {
                Map<String, String> values = RestApi.scalars(args);
                for (Row r : targets(t, values)) {
                    ops.set(t, r, values, Transport.REST);
                }
                yield RestReply.json(List.of());
            }
            case "get" -> get(t, RestApi.scalars(args));
            case "move" -> move(t, RestApi.scalars(args));
            case "reset-counters-all" -> {
                onlyArgs(args);
                t.rows().forEach(r -> r.counters.resetCumulative());
                yield RestReply.json(List.of());
            }
            case "remove", "enable", "disable", "reset-counters" -> {
                Map<String, String> values = RestApi.scalars(args);
                onlyArgs(args, "numbers", ".id");
                for (Row r : targets(t, values)) {
                    switch (command) {
                        case "remove" -> ops.remove(t, r);
                        case "enable" -> ops.setDisabled(t, r, false, Transport.REST);
                        case "disable" -> ops.setDisabled(t, r, true, Transport.REST);
                        default -> r.counters.resetCumulative();
                    }
                }
                yield RestReply.json(List.of());
            }
            default -> throw RestApi.commandNotHere(command);
        };
    }

    private RestReply print(MenuTable t, Map<String, JsonNode> args) throws RosError {
        List<String> proplist = null;
        List<String> query = List.of();
        for (Map.Entry<String, JsonNode> e : args.entrySet()) {
            switch (e.getKey()) {
                case ".proplist" -> proplist = Json.words(e.getValue(), true);
                case ".query" -> query = Json.words(e.getValue(), false);
                default -> throw RosError.unknownParameter(e.getKey());
            }
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (Row r : t.rows()) {
            Map<String, String> item = state.ops().render(t, r);
            if (ApiQuery.matches(query, t.spec, item)) {
                out.add(RestApi.project(item, proplist));
            }
        }
        return RestReply.json(out);
    }

    private RestReply get(MenuTable t, Map<String, String> args) throws RosError {
        String ref = args.getOrDefault("number", args.getOrDefault("numbers", args.get(".id")));
        Row r = state.ops().resolveNumbers(t, ref).getFirst();
        Map<String, String> item = state.ops().render(t, r);
        String name = args.get("value-name");
        if (name == null) {
            return RestReply.json(item);
        }
        if (!item.containsKey(name) && t.spec.prop(name) == null && !t.spec.isStat(name)) {
            throw RosError.badRequest("no such property " + name);
        }
        Map<String, String> ret = new LinkedHashMap<>();
        ret.put("ret", item.getOrDefault(name, ""));
        return RestReply.json(ret);
    }

    /** {@code move numbers=A destination=B}: A goes before B, or to the end when B does not exist. */
    private RestReply move(MenuTable t, Map<String, String> args) throws RosError {
        List<Row> moving = targets(t, args);
        String dest = args.get("destination");
        Row before = null;
        if (dest != null) {
            try {
                before = state.ops().resolveNumbers(t, dest).getFirst();
            } catch (RosError missing) {
                before = null;
            }
        }
        t.rows().removeAll(moving);
        int at = before == null || moving.contains(before) ? t.rows().size() : t.rows().indexOf(before);
        t.rows().addAll(at, moving);
        state.system().countWrite();
        return RestReply.json(List.of());
    }

    private List<Row> targets(MenuTable t, Map<String, String> args) throws RosError {
        String ref = args.containsKey("numbers") ? args.get("numbers") : args.get(".id");
        return state.ops().resolveNumbers(t, ref);
    }

    private static void onlyArgs(Map<String, JsonNode> args, String... allowed) throws RosError {
        for (String k : args.keySet()) {
            if (!List.of(allowed).contains(k)) {
                throw RosError.unknownParameter(k);
            }
        }
    }
}
