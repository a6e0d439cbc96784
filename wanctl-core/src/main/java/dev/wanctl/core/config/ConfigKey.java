package dev.wanctl.core.config;

import java.util.List;

/**
 * One key of the config schema: where it is, what it holds, its default, range and meaning. The
 * loader validates against these and {@code docs/CONFIGURATION.md} is generated from them, so
 * the documentation cannot drift from the code.
 *
 * @param defaultValue null when the key has no default (required, or off when absent)
 * @param unit e.g. {@code ms}, {@code s}, {@code Mbit/s}; empty when unitless
 * @param origin {@code reference} (Python wanctl v1.1), {@code reference-later} (keys its later
 *     versions added, same meaning) or {@code wanctl} (this implementation's own)
 * @param deprecation null, or what replaces this key and what happens to it
 */
public record ConfigKey(
        String path,
        ValueType type,
        boolean required,
        Object defaultValue,
        Double min,
        Double max,
        List<String> choices,
        String unit,
        String description,
        String origin,
        String deprecation) {

    public static final String REFERENCE = "reference";
    public static final String REFERENCE_LATER = "reference-later";
    public static final String WANCTL = "wanctl";

    /** The last path segment. */
    public String name() {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    /** The section path, empty at top level. */
    public String parent() {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    /** What values are allowed, in words: type, range and choices. */
    public String allowed() {
        if (type == ValueType.CHOICE) {
            return "one of " + String.join(", ", choices);
        }
        if (min != null && max != null) {
            return (type == ValueType.INT ? "an integer" : "a number") + " from " + fmt(min) + " to " + fmt(max);
        }
        if (min != null) {
            return (type == ValueType.INT ? "an integer" : "a number") + " >= " + fmt(min);
        }
        return type.allowed();
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Builder for schema declarations. */
    static Builder key(String path, ValueType type) {
        return new Builder(path, type);
    }

    static final class Builder {
        private final String path;
        private final ValueType type;
        private boolean required;
        private Object defaultValue;
        private Double min;
        private Double max;
        private List<String> choices = List.of();
        private String unit = "";
        private String description = "";
        private String origin = REFERENCE;
        private String deprecation;

        private Builder(String path, ValueType type) {
            this.path = path;
            this.type = type;
        }

        Builder required() {
            this.required = true;
            return this;
        }

        Builder defaultValue(Object v) {
            this.defaultValue = v;
            return this;
        }

        Builder range(double lo, double hi) {
            this.min = lo;
            this.max = hi;
            return this;
        }

        Builder min(double lo) {
            this.min = lo;
            return this;
        }

        Builder choices(String... values) {
            this.choices = List.of(values);
            return this;
        }

        Builder unit(String u) {
            this.unit = u;
            return this;
        }

        Builder doc(String d) {
            this.description = d;
            return this;
        }

        Builder later() {
            this.origin = REFERENCE_LATER;
            return this;
        }

        Builder ours() {
            this.origin = WANCTL;
            return this;
        }

        Builder deprecated(String replacement) {
            this.deprecation = replacement;
            return this;
        }

        ConfigKey build() {
            return new ConfigKey(path, type, required, defaultValue, min, max, choices, unit, description, origin,
                    deprecation);
        }
    }
}
