package dev.wanctl.emulator.cli;

import dev.wanctl.emulator.model.Json;
import dev.wanctl.emulator.model.Row;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code :serialize to=json} of console values. Like RouterOS, numeric-looking strings become JSON
 * numbers and {@code true}/{@code false} booleans unless the caller asks to keep strings.
 */
final class CliJson {

    private CliJson() {}

    static String serialize(Object value, boolean keepStrings) {
        return Json.write(convert(value, keepStrings));
    }

    private static Object convert(Object value, boolean keepStrings) {
        return switch (value) {
            case null -> "";
            case CliInterpreter.AsValue a -> {
                List<Object> items = new ArrayList<>();
                for (Map<String, String> item : a.items()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    item.forEach((k, v) -> m.put(k, scalar(v, keepStrings)));
                    items.add(m);
                }
                yield items;
            }
            case List<?> rows -> rows.stream().map(r -> ((Row) r).idText()).toList();
            case String s -> scalar(s, keepStrings);
            default -> value.toString();
        };
    }

    private static Object scalar(String v, boolean keepStrings) {
        if (keepStrings) {
            return v;
        }
        if (v.matches("-?(0|[1-9]\\d{0,17})")) {
            return Long.parseLong(v);
        }
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        return v;
    }
}
