package dev.wanctl.core.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/** Parses YAML text into {@link YamlNode}s with line numbers; syntax errors become problems. */
final class YamlTree {

    /** Deeper than any config's few levels; deep enough nesting otherwise overflows the stack. */
    static final int MAX_DEPTH = 32;
    /** Aliases a config may use (the shipped ones use none); bounds alias expansion. */
    static final int MAX_ALIASES = 10;

    private YamlTree() {}

    /**
     * Parses {@code text}. Returns the root mapping, or empty after adding the reason to
     * {@code problems} (a syntax error, a duplicate key, or a document that is not a mapping).
     */
    static Optional<YamlNode.Mapping> parse(String text, Problems problems) {
        LoadSettings settings = LoadSettings.builder()
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(true) // reported below with both lines
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit(ConfigLoader.MAX_CONFIG_BYTES)
                .build();
        Optional<Node> root;
        try {
            if (!depthWithinLimit(text, settings, problems)) {
                return Optional.empty();
            }
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(0);
            problems.error("", line, "not valid YAML: " + e.getProblem()
                    + e.getProblemMark().map(m -> " at column " + (m.getColumn() + 1)).orElse(""));
            return Optional.empty();
        } catch (org.snakeyaml.engine.v2.exceptions.ReaderException e) {
            // a character YAML does not allow (a control character): say where it is
            int[] at = lineAndColumn(text, e.getPosition());
            problems.error("", at[0], String.format(java.util.Locale.ROOT,
                    "not valid YAML: character U+%04X is not allowed at column %d; remove it", e.getCodePoint(), at[1]));
            return Optional.empty();
        } catch (YamlEngineException e) {
            String m = String.valueOf(e.getMessage());
            if (m.startsWith("Number of aliases")) {
                problems.error("", 0, "more than " + MAX_ALIASES + " aliases (*name) of lists or mappings in the file;"
                        + " a config needs none (alias expansion is limited)");
            } else {
                problems.error("", 0, "not valid YAML: " + shorten(m));
            }
            return Optional.empty();
        } catch (StackOverflowError e) {
            // a backstop: the depth check should have refused this already
            problems.error("", 0, "not valid YAML: nested too deeply (at most " + MAX_DEPTH + " levels)");
            return Optional.empty();
        }
        if (root.isEmpty()) {
            problems.error("", 0, "the file is empty; a config is a YAML mapping of keys to values");
            return Optional.empty();
        }
        YamlNode node = convert(root.get(), "", problems, line(root.get().getStartMark()), 0);
        if (node == null) {
            return Optional.empty();
        }
        if (node instanceof YamlNode.Mapping m) {
            return Optional.of(m);
        }
        problems.error("", node.line(), "the file must be a YAML mapping of keys to values, got " + node.describe());
        return Optional.empty();
    }

    /**
     * Walks the parser's events (iterative, no recursion) and refuses nesting deeper than
     * {@link #MAX_DEPTH} before anything recursive sees the document.
     */
    private static boolean depthWithinLimit(String text, LoadSettings settings, Problems problems) {
        int depth = 0;
        for (Event e : new Parse(settings).parseString(text)) {
            Event.ID id = e.getEventId();
            if (id == Event.ID.MappingStart || id == Event.ID.SequenceStart) {
                if (++depth > MAX_DEPTH) {
                    problems.error("", e.getStartMark().map(m -> m.getLine() + 1).orElse(0),
                            "nested more than " + MAX_DEPTH + " levels deep; a config has a few levels");
                    return false;
                }
            } else if (id == Event.ID.MappingEnd || id == Event.ID.SequenceEnd) {
                depth--;
            }
        }
        return true;
    }

    /**
     * Converts {@code node}, or returns null (reported) when it nests deeper than
     * {@link #MAX_DEPTH}: an alias that refers to its own anchor ({@code &a [*a]}) nests forever.
     * {@code line} is its key's line (where a person looks for it).
     */
    private static YamlNode convert(Node node, String path, Problems problems, int line, int depth) {
        if (depth > MAX_DEPTH) {
            problems.error(path, line, "nested more than " + MAX_DEPTH
                    + " levels deep (an alias that refers to itself?); a config has a few levels");
            return null;
        }
        if (node instanceof MappingNode mapping) {
            Map<String, YamlNode> entries = new LinkedHashMap<>();
            for (NodeTuple t : mapping.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
                String childPath = path.isEmpty() ? key : path + "." + key;
                YamlNode previous = entries.get(key);
                if (previous != null) {
                    problems.error(childPath, line(t.getKeyNode().getStartMark()),
                            "duplicate key (also on line " + previous.line() + "); remove one of them");
                    continue;
                }
                YamlNode value = convert(t.getValueNode(), childPath, problems, line(t.getKeyNode().getStartMark()),
                        depth + 1);
                if (value == null) {
                    return null;
                }
                entries.put(key, value);
            }
            return new YamlNode.Mapping(entries, line);
        }
        if (node instanceof SequenceNode seq) {
            List<YamlNode> items = new ArrayList<>();
            for (Node item : seq.getValue()) {
                YamlNode value = convert(item, path, problems, line(item.getStartMark()), depth + 1);
                if (value == null) {
                    return null;
                }
                items.add(value);
            }
            return new YamlNode.Sequence(List.copyOf(items), line);
        }
        ScalarNode s = (ScalarNode) node;
        return new YamlNode.Scalar(scalarValue(s), s.getValue(), line);
    }

    /** A parser message cut to 200 characters (it may quote the input). */
    private static String shorten(String s) {
        return s == null ? "" : s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    private static Object scalarValue(ScalarNode s) {
        Tag tag = s.getTag();
        String text = s.getValue();
        try {
            if (Tag.NULL.equals(tag)) {
                return null;
            }
            if (Tag.BOOL.equals(tag)) {
                return Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT));
            }
            if (Tag.INT.equals(tag)) {
                BigInteger v = parseInt(text);
                return v.bitLength() < 64 ? (Object) v.longValue() : (Object) v.doubleValue();
            }
            if (Tag.FLOAT.equals(tag)) {
                return parseFloat(text);
            }
        } catch (NumberFormatException e) {
            return text;
        }
        return text;
    }

    private static BigInteger parseInt(String text) {
        String t = text.replace("_", "");
        int sign = 1;
        if (t.startsWith("-") || t.startsWith("+")) {
            sign = t.startsWith("-") ? -1 : 1;
            t = t.substring(1);
        }
        BigInteger v;
        if (t.startsWith("0x")) {
            v = new BigInteger(t.substring(2), 16);
        } else if (t.startsWith("0o")) {
            v = new BigInteger(t.substring(2), 8);
        } else {
            v = new BigInteger(t);
        }
        return sign < 0 ? v.negate() : v;
    }

    private static Double parseFloat(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        return switch (t) {
            case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
            case "-.inf" -> Double.NEGATIVE_INFINITY;
            case ".nan" -> Double.NaN;
            default -> Double.parseDouble(t);
        };
    }

    /** The 1-based line and column of code point {@code position} of {@code text}. */
    static int[] lineAndColumn(String text, int position) {
        int line = 1;
        int column = 1;
        int cp = 0;
        for (int i = 0; i < text.length() && cp < position; i += Character.charCount(text.codePointAt(i)), cp++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] {line, column};
    }

    private static int line(Optional<Mark> mark) {
        return mark.map(m -> m.getLine() + 1).orElse(0);
    }
}
