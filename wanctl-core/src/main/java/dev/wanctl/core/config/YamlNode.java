package dev.wanctl.core.config;

import java.util.List;
import java.util.Map;

/**
 * A parsed YAML value with the line it came from (1-based), so that every config problem can
 * point at its line.
 */
sealed interface YamlNode {

    int line();

    /** A mapping; keys in file order. */
    record Mapping(Map<String, YamlNode> entries, int line) implements YamlNode {}

    /** A sequence. */
    record Sequence(List<YamlNode> items, int line) implements YamlNode {}

    /**
     * A scalar: {@code value} is a {@link String}, {@link Long}, {@link Double}, {@link Boolean} or
     * null, as YAML 1.2's core schema resolves it; {@code text} is what the file says.
     */
    record Scalar(Object value, String text, int line) implements YamlNode {}

    /** How a person would call this kind of value in an error message. */
    default String describe() {
        return switch (this) {
            case Mapping m -> "a section";
            case Sequence s -> "a list";
            case Scalar s when s.value() == null -> "nothing (null)";
            case Scalar s when s.value() instanceof String str -> "\"" + str + "\"";
            case Scalar s -> s.text();
        };
    }
}
