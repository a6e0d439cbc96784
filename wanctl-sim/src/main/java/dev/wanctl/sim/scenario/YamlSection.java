package dev.wanctl.sim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A YAML mapping with the dotted path that led to it, so that every complaint about a scenario
 * file names the key, what was found and what is allowed.
 */
final class YamlSection {

    private final String source;
    private final String path;
    private final Map<?, ?> map;

    YamlSection(String source, String path, Map<?, ?> map) {
        this.source = source;
        this.path = path;
        this.map = map;
    }

    static YamlSection root(String source, Object loaded) {
        if (!(loaded instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(source + ": a scenario file must be a YAML mapping (key: value lines)");
        }
        return new YamlSection(source, "", m);
    }

    /** Fails on keys outside {@code allowed}, listing what is allowed. */
    YamlSection only(String... allowed) {
        Set<String> ok = Set.of(allowed);
        for (Object k : map.keySet()) {
            if (!ok.contains(String.valueOf(k))) {
                throw problem(String.valueOf(k), "unknown key; allowed here: " + new TreeSet<>(ok));
            }
        }
        return this;
    }

    boolean has(String key) {
        return map.containsKey(key);
    }

    String string(String key, String fallback) {
        Object v = map.get(key);
        if (v == null) {
            if (fallback == null) {
                throw problem(key, "required");
            }
            return fallback;
        }
        if (v instanceof Map || v instanceof List) {
            throw problem(key, "expected a single value, got " + v);
        }
        return String.valueOf(v);
    }

    String string(String key) {
        return string(key, null);
    }

    double number(String key, double fallback) {
        Object v = map.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(v));
        } catch (NumberFormatException e) {
            throw problem(key, "expected a number, got '" + v + "'");
        }
    }

    double number(String key) {
        if (!map.containsKey(key)) {
            throw problem(key, "required (a number)");
        }
        return number(key, Double.NaN);
    }

    long millis(String key, long fallback) {
        Object v = map.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Durations.parseMillis(String.valueOf(v));
        } catch (IllegalArgumentException e) {
            throw problem(key, e.getMessage());
        }
    }

    long millis(String key) {
        if (!map.containsKey(key)) {
            throw problem(key, "required (a duration such as 90s, 10m, 1h)");
        }
        return millis(key, 0);
    }

    YamlSection section(String key) {
        Object v = map.get(key);
        if (!(v instanceof Map<?, ?> m)) {
            throw problem(key, v == null ? "required (a mapping)" : "expected a mapping, got '" + v + "'");
        }
        return new YamlSection(source, child(key), m);
    }

    List<YamlSection> list(String key) {
        Object v = map.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw problem(key, "expected a list of mappings ('- {...}' lines)");
        }
        List<YamlSection> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            if (!(l.get(i) instanceof Map<?, ?> m)) {
                throw problem(key + "[" + i + "]", "expected a mapping, got '" + l.get(i) + "'");
            }
            out.add(new YamlSection(source, child(key) + "[" + i + "]", m));
        }
        return out;
    }

    /** A complaint about {@code key} in this section. */
    IllegalArgumentException problem(String key, String message) {
        return new IllegalArgumentException(source + ": " + child(key) + ": " + message);
    }

    /** Re-throws a value check's complaint with this section's path. */
    IllegalArgumentException wrap(IllegalArgumentException e) {
        return new IllegalArgumentException(source + ": " + (path.isEmpty() ? "" : path + ": ") + e.getMessage(), e);
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
