package dev.wanctl.core.config;

import dev.wanctl.core.probe.HostPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Typed, validated reads of a parsed config against its {@link Schema}. A read never throws: a
 * missing or bad value is recorded in {@link Problems} and the key's default (or a neutral value)
 * is returned, so one load reports every problem at once.
 */
final class ConfigReader {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern COMMENT = Pattern.compile("[A-Za-z0-9_.\\-: ]{1,128}");
    private static final Pattern HOSTNAME = Pattern.compile(
            "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}(%[A-Za-z0-9_.-]+)?");
    private static final Pattern FINGERPRINT = Pattern.compile("([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}");

    private final YamlNode.Mapping root;
    private final Schema schema;
    private final Problems problems;

    ConfigReader(YamlNode.Mapping root, Schema schema, Problems problems) {
        this.root = root;
        this.schema = schema;
        this.problems = problems;
    }

    Problems problems() {
        return problems;
    }

    /** The node at a dotted path, if present (a null scalar counts as absent). */
    Optional<YamlNode> node(String path) {
        YamlNode cur = root;
        for (String part : path.split("\\.")) {
            if (!(cur instanceof YamlNode.Mapping m)) {
                return Optional.empty();
            }
            cur = m.entries().get(part);
            if (cur == null) {
                return Optional.empty();
            }
        }
        if (cur instanceof YamlNode.Scalar s && s.value() == null) {
            return Optional.empty();
        }
        return Optional.of(cur);
    }

    boolean present(ConfigKey k) {
        return node(k.path()).isPresent();
    }

    /** The line of {@code path}, or of its nearest present parent section. */
    int line(String path) {
        String p = path;
        while (!p.isEmpty()) {
            Optional<YamlNode> n = node(p);
            if (n.isPresent()) {
                return n.get().line();
            }
            int dot = p.lastIndexOf('.');
            p = dot < 0 ? "" : p.substring(0, dot);
        }
        return 0;
    }

    void error(ConfigKey k, String message) {
        problems.error(k.path(), line(k.path()), message);
    }

    void warn(ConfigKey k, String message) {
        problems.warn(k.path(), line(k.path()), message);
    }

    private Optional<YamlNode> required(ConfigKey k) {
        Optional<YamlNode> n = node(k.path());
        if (n.isEmpty() && k.required()) {
            problems.error(k.path(), line(k.parent()), "missing; required: " + describe(k));
        }
        return n;
    }

    private static String describe(ConfigKey k) {
        String d = k.description().isEmpty() ? k.allowed() : k.description() + " (" + k.allowed() + ")";
        return d;
    }

    private void bad(ConfigKey k, YamlNode n, String allowed) {
        problems.error(k.path(), n.line(), "must be " + allowed + ", got " + n.describe());
    }

    String string(ConfigKey k) {
        Optional<YamlNode> n = required(k);
        if (n.isEmpty()) {
            return (String) k.defaultValue();
        }
        if (!(n.get() instanceof YamlNode.Scalar s) || !(s.value() instanceof String str)) {
            bad(k, n.get(), k.allowed());
            return (String) k.defaultValue();
        }
        return switch (k.type()) {
            case IDENTIFIER -> check(k, s, str, IDENTIFIER.matcher(str).matches());
            case COMMENT -> check(k, s, str, COMMENT.matcher(str).matches());
            case HOST -> check(k, s, str, isHost(str));
            case PATH -> {
                if (str.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
                    problems.error(k.path(), s.line(), "must be an absolute path without control characters, got "
                            + n.get().describe());
                    yield (String) k.defaultValue();
                }
                if (!str.startsWith("/")) {
                    // a daemon's working directory is not the config's: a relative path lands anywhere
                    problems.error(k.path(), s.line(), "must be an absolute path, got \"" + str
                            + "\" (relative to what the daemon was started in)");
                    yield (String) k.defaultValue();
                }
                yield str;
            }
            case FINGERPRINT -> {
                String fp = check(k, s, str, FINGERPRINT.matcher(str).matches());
                yield fp == null ? null : fp.replace(":", "").toLowerCase(java.util.Locale.ROOT);
            }
            case CHOICE -> {
                String v = str.toLowerCase(java.util.Locale.ROOT);
                if (!k.choices().contains(v)) {
                    bad(k, s, k.allowed());
                    yield (String) k.defaultValue();
                }
                yield v;
            }
            default -> str;
        };
    }

    /** The value when it is allowed; otherwise the problem is reported and the default stands in, so that
     *  nothing built from it later (a path from {@code wan_name}, say) meets a value no check let through. */
    private String check(ConfigKey k, YamlNode.Scalar s, String value, boolean ok) {
        if (!ok) {
            bad(k, s, k.allowed());
            return (String) k.defaultValue();
        }
        return value;
    }

    static boolean isHost(String s) {
        if (s.isEmpty() || s.length() > 256) {
            return false;
        }
        if (s.contains(":")) {
            return IPV6.matcher(s).matches();
        }
        return HOSTNAME.matcher(s).matches();
    }

    double number(ConfigKey k) {
        Object def = k.defaultValue();
        double fallback = def instanceof Number num ? num.doubleValue() : Double.NaN;
        Optional<YamlNode> n = required(k);
        if (n.isEmpty()) {
            return fallback;
        }
        if (!(n.get() instanceof YamlNode.Scalar s) || !(s.value() instanceof Number v)
                || !Double.isFinite(v.doubleValue())) {
            bad(k, n.get(), k.allowed());
            return fallback;
        }
        double d = v.doubleValue();
        if ((k.min() != null && d < k.min()) || (k.max() != null && d > k.max())) {
            bad(k, s, k.allowed());
            return fallback;
        }
        return d;
    }

    int integer(ConfigKey k) {
        Optional<YamlNode> n = node(k.path());
        if (n.isPresent() && n.get() instanceof YamlNode.Scalar s && !(s.value() instanceof Long)) {
            bad(k, s, k.allowed());
            return k.defaultValue() instanceof Number num ? num.intValue() : 0;
        }
        double d = number(k);
        return Double.isNaN(d) ? 0 : (int) d;
    }

    boolean bool(ConfigKey k) {
        boolean def = Boolean.TRUE.equals(k.defaultValue());
        Optional<YamlNode> n = required(k);
        if (n.isEmpty()) {
            return def;
        }
        if (n.get() instanceof YamlNode.Scalar s) {
            if (s.value() instanceof Boolean b) {
                return b;
            }
            // YAML 1.1 (the reference's PyYAML) also reads yes/no/on/off as booleans
            if (s.value() instanceof String str) {
                switch (str.toLowerCase(java.util.Locale.ROOT)) {
                    case "yes", "on", "y", "true" -> {
                        return true;
                    }
                    case "no", "off", "n", "false" -> {
                        return false;
                    }
                    default -> { }
                }
            }
        }
        bad(k, n.get(), k.allowed());
        return def;
    }

    /** More reflectors than any use needs: 2 000 meant 3 548 pings/s and 91 % of a core. */
    static final int MAX_HOSTS = 32;

    /** A list of hosts, each at most once, at most {@link #MAX_HOSTS}. */
    List<String> hosts(ConfigKey k) {
        List<String> hosts = sequence(k, item -> item instanceof YamlNode.Scalar s && s.value() instanceof String str
                && isHost(str) ? str : null, "each entry must be " + ValueType.HOST.allowed());
        Optional<YamlNode> n = node(k.path());
        int line = n.map(YamlNode::line).orElse(0);
        if (hosts.size() > MAX_HOSTS) {
            problems.error(k.path(), line, hosts.size() + " hosts listed; at most " + MAX_HOSTS
                    + " (each is pinged every cycle)");
            return List.copyOf(hosts.subList(0, MAX_HOSTS));
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String h : hosts) {
            if (!seen.add(h.toLowerCase(java.util.Locale.ROOT))) {
                problems.error(k.path(), line, "\"" + h + "\" is listed more than once; list each host once");
                return List.copyOf(new java.util.LinkedHashSet<>(hosts));
            }
        }
        return hosts;
    }

    List<HostPort> targets(ConfigKey k) {
        return sequence(k, ConfigReader::hostPort,
                "each entry must be [host, port] with a port from 1 to 65535");
    }

    /**
     * A YAML sequence whose entries {@code parse} turns into values (null: unusable entry, reported
     * as {@code expected}); the key's default when absent or not a sequence (reported).
     */
    @SuppressWarnings("unchecked")
    private <T> List<T> sequence(ConfigKey k, Function<YamlNode, T> parse, String expected) {
        List<T> def = k.defaultValue() instanceof List<?> l ? (List<T>) l : List.of();
        Optional<YamlNode> n = required(k);
        if (n.isEmpty()) {
            return def;
        }
        if (!(n.get() instanceof YamlNode.Sequence seq)) {
            bad(k, n.get(), k.allowed());
            return def;
        }
        List<T> out = new ArrayList<>();
        for (YamlNode item : seq.items()) {
            T value = parse.apply(item);
            if (value == null) {
                problems.error(k.path(), item.line(), expected + ", got " + item.describe());
            } else {
                out.add(value);
            }
        }
        return List.copyOf(out);
    }

    private static HostPort hostPort(YamlNode item) {
        String host = null;
        long port = -1;
        if (item instanceof YamlNode.Sequence pair && pair.items().size() == 2
                && pair.items().get(0) instanceof YamlNode.Scalar h && h.value() instanceof String hs
                && pair.items().get(1) instanceof YamlNode.Scalar p && p.value() instanceof Long pl) {
            host = hs;
            port = pl;
        } else if (item instanceof YamlNode.Scalar s && s.value() instanceof String str) {
            int colon = str.lastIndexOf(':');
            if (colon > 0) {
                host = str.substring(0, colon).replace("[", "").replace("]", "");
                try {
                    port = Long.parseLong(str.substring(colon + 1));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        if (host == null || !isHost(host) || port < 1 || port > 65535) {
            return null;
        }
        return new HostPort(host, (int) port);
    }

    /** Keys of the file that the schema does not know: warnings, with a suggestion. */
    void warnUnknownKeys() {
        walk(root, "");
    }

    private void walk(YamlNode.Mapping m, String section) {
        for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
            String path = section.isEmpty() ? e.getKey() : section + "." + e.getKey();
            String ignoredWhy = schema.ignoredSections().get(path);
            if (ignoredWhy != null) {
                problems.warn(path, e.getValue().line(), ignoredWhy);
                continue;
            }
            Optional<ConfigKey> k = schema.key(path);
            if (k.isPresent() && k.get().type() != ValueType.SECTION) {
                continue;
            }
            if (k.isPresent() || schema.isSection(path)) {
                if (e.getValue() instanceof YamlNode.Mapping child) {
                    walk(child, path);
                } else if (!(e.getValue() instanceof YamlNode.Scalar s && s.value() == null)) {
                    problems.error(path, e.getValue().line(), "must be a section (a mapping of keys), got "
                            + e.getValue().describe());
                }
                continue;
            }
            String hint = Suggest.closest(e.getKey(), schema.childNames(section))
                    .map(s -> "; did you mean \"" + s + "\"?")
                    .orElse("");
            problems.warn(path, e.getValue().line(), "unknown key, ignored" + hint);
        }
    }
}
