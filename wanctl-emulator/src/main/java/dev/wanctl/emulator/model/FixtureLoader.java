package dev.wanctl.emulator.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Reads a router fixture: YAML with these top-level keys, all optional.
 *
 * <pre>
 * system:                     # /system/resource and /system/identity
 *   identity: MikroTik
 *   version: 7.16.2 (stable)
 *   board-name: RB5009UG+S+
 *   cpu-load: 3               # percent; more keys: architecture-name, cpu, cpu-count, cpu-frequency,
 *                             # total-memory, free-memory, total-hdd-space, free-hdd-space, build-time
 * users:
 *   - {name: wanctl, password: wanctl-demo, group: full, ssh-keys: ["ssh-ed25519 AAAA... me@host"]}
 * interfaces: [ether1, ether2, bridge]     # names queue parents and mangle interface matchers may use
 * routing-tables: [main, to_att]           # names new-routing-mark may use
 * queue-types:                             # added after the built-in types (default, default-small, ...)
 *   - {name: cake-down, kind: cake, cake-diffserv: diffserv4}
 * queue-tree:                              # ids from *1000000 in this order
 *   - {name: WAN-Download, parent: global, queue: cake-down, max-limit: 940M}
 * queue-simple: []                         # ids from *1
 * mangle:                                  # ids from *1, in evaluation order
 *   - {chain: prerouting, action: mark-routing, new-routing-mark: to_att, comment: STEER, disabled: yes}
 * </pre>
 *
 * Item keys are RouterOS property names and values are what the CLI accepts ({@code 940M},
 * {@code yes}); every item is validated like a REST {@code PUT}, so a fixture cannot hold what a
 * router would refuse. A property left out of a mangle rule stays absent over REST, exactly like
 * on a router where it was never written.
 */
public final class FixtureLoader {

    /** Classpath location of the bundled fixture that matches the example configs. */
    public static final String DEFAULT_RESOURCE = "/dev/wanctl/emulator/default-router.yaml";

    private static final Set<String> TOP_KEYS = Set.of(
            "system", "users", "interfaces", "routing-tables", "queue-types", "queue-tree", "queue-simple", "mangle");

    private FixtureLoader() {}

    /** The bundled fixture (Spectrum + ATT queues, the ADAPTIVE steering rule, user wanctl). */
    public static Fixture defaultFixture() {
        try (InputStream in = FixtureLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled fixture missing from the classpath: " + DEFAULT_RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled fixture " + DEFAULT_RESOURCE, e);
        }
    }

    /** Reads a fixture file; errors name the file and the key. */
    public static Fixture load(Path file) throws IOException {
        return parse(Files.readString(file), file.toString());
    }

    /** Parses fixture YAML; {@code source} names it in error messages. */
    public static Fixture parse(String yaml, String source) {
        Object root;
        try {
            root = new Load(LoadSettings.builder().setLabel(source).build()).loadFromString(yaml);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("fixture " + source + ": not valid YAML: " + e.getMessage(), e);
        }
        Map<String, Object> top = root == null ? Map.of() : map(root, source, "(top level)");
        for (String key : top.keySet()) {
            if (!TOP_KEYS.contains(key)) {
                throw new IllegalArgumentException("fixture " + source + ": unknown key '" + key
                        + "'; allowed: " + String.join(", ", new java.util.TreeSet<>(TOP_KEYS)));
            }
        }
        Map<String, String> system = new LinkedHashMap<>();
        if (top.get("system") != null) {
            map(top.get("system"), source, "system").forEach((k, v) -> system.put(k, text(v)));
        }
        List<Fixture.User> users = new ArrayList<>();
        for (Map<String, String> u : items(top, "users", source)) {
            String name = u.get("name");
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("fixture " + source + ": users: every user needs a name");
            }
            users.add(new Fixture.User(name, u.getOrDefault("password", ""), u.getOrDefault("group", "full"),
                    sshKeys(top, users.size(), source)));
        }
        return new Fixture(system, users, words(top, "interfaces", source, List.of("ether1", "ether2", "bridge")),
                words(top, "routing-tables", source, List.of("main")), items(top, "queue-types", source),
                items(top, "queue-tree", source), items(top, "queue-simple", source), items(top, "mangle", source));
    }

    private static List<String> sshKeys(Map<String, Object> top, int index, String source) {
        Object u = ((List<?>) top.get("users")).get(index);
        Object keys = ((Map<?, ?>) u).get("ssh-keys");
        if (keys == null) {
            return List.of();
        }
        if (!(keys instanceof List<?> l)) {
            throw new IllegalArgumentException("fixture " + source + ": users[" + index + "].ssh-keys: must be a list");
        }
        return l.stream().map(FixtureLoader::text).toList();
    }

    private static List<String> words(Map<String, Object> top, String key, String source, List<String> fallback) {
        Object v = top.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException("fixture " + source + ": " + key + ": must be a list of names");
        }
        return l.stream().map(FixtureLoader::text).toList();
    }

    private static List<Map<String, String>> items(Map<String, Object> top, String key, String source) {
        Object v = top.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException("fixture " + source + ": " + key + ": must be a list of items");
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            Map<String, String> item = new LinkedHashMap<>();
            map(l.get(i), source, key + "[" + i + "]").forEach((k, val) -> {
                if (!(val instanceof List<?>)) {
                    item.put(k, text(val));
                }
            });
            out.add(item);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String source, String where) {
        if (!(o instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("fixture " + source + ": " + where + ": must be a mapping of key: value");
        }
        return (Map<String, Object>) m;
    }

    private static String text(Object v) {
        return v == null ? "" : v.toString();
    }
}
