package dev.wanctl.sim.scorecard;

import java.util.Locale;

/**
 * A minimal pretty-printing JSON writer for reports that must be byte-identical run to run: keys
 * in the order written, numbers with a fixed number of decimals ({@link Locale#ROOT}), NaN and
 * null as {@code null}, two-space indentation, {@code \n} line ends.
 */
final class JsonWriter {

    private final StringBuilder out = new StringBuilder();
    private int depth;
    private boolean first = true;

    JsonWriter beginObject(String key) {
        return open(key, '{');
    }

    JsonWriter endObject() {
        return close('}');
    }

    JsonWriter beginArray(String key) {
        return open(key, '[');
    }

    JsonWriter endArray() {
        return close(']');
    }

    JsonWriter value(String key, String v) {
        prefix(key);
        if (v == null) {
            out.append("null");
        } else {
            quote(v);
        }
        return this;
    }

    JsonWriter value(String key, long v) {
        prefix(key);
        out.append(v);
        return this;
    }

    JsonWriter value(String key, Integer v) {
        prefix(key);
        out.append(v == null ? "null" : v.toString());
        return this;
    }

    /** A number with three decimals; NaN, infinities and null as {@code null}. */
    JsonWriter value(String key, Double v) {
        prefix(key);
        if (v == null || v.isNaN() || v.isInfinite()) {
            out.append("null");
        } else {
            out.append(String.format(Locale.ROOT, "%.3f", v));
        }
        return this;
    }

    String toJson() {
        return out.toString() + "\n";
    }

    private JsonWriter open(String key, char c) {
        prefix(key);
        out.append(c);
        depth++;
        first = true;
        return this;
    }

    private JsonWriter close(char c) {
        depth--;
        if (!first) {
            newline();
        }
        out.append(c);
        first = false;
        return this;
    }

    private void prefix(String key) {
        if (!first) {
            out.append(',');
        }
        if (depth > 0) {
            newline();
        }
        first = false;
        if (key != null) {
            quote(key);
            out.append(": ");
        }
    }

    private void newline() {
        out.append('\n');
        out.append("  ".repeat(depth));
    }

    private void quote(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
