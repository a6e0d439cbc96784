package dev.wanctl.core.config;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The keys one kind of config may contain, and the sections of later reference versions that are
 * recognised but not implemented here (ignored with a warning instead of a "did you mean").
 */
public final class Schema {

    private final String name;
    private final Map<String, ConfigKey> keys = new LinkedHashMap<>();
    private final Map<String, String> ignoredSections = new LinkedHashMap<>();

    Schema(String name) {
        this.name = name;
    }

    Schema add(ConfigKey key) {
        if (keys.putIfAbsent(key.path(), key) != null) {
            throw new IllegalStateException("duplicate schema key " + key.path());
        }
        return this;
    }

    ConfigKey add(ConfigKey.Builder b) {
        ConfigKey k = b.build();
        add(k);
        return k;
    }

    Schema ignore(String section, String why) {
        ignoredSections.put(section, why);
        return this;
    }

    /** {@code autorate} or {@code steering}. */
    public String name() {
        return name;
    }

    /** Every key, in declaration order (sections before their keys). */
    public Collection<ConfigKey> keys() {
        return keys.values();
    }

    public Map<String, String> ignoredSections() {
        return ignoredSections;
    }

    Optional<ConfigKey> key(String path) {
        return Optional.ofNullable(keys.get(path));
    }

    /** Whether {@code path} is a section that holds declared keys. */
    boolean isSection(String path) {
        String prefix = path + ".";
        for (String k : keys.keySet()) {
            if (k.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Declared names directly inside {@code section} ("" for top level), for "did you mean". */
    java.util.List<String> childNames(String section) {
        String prefix = section.isEmpty() ? "" : section + ".";
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (String k : keys.keySet()) {
            if (k.startsWith(prefix)) {
                String rest = k.substring(prefix.length());
                int dot = rest.indexOf('.');
                names.add(dot < 0 ? rest : rest.substring(0, dot));
            }
        }
        return java.util.List.copyOf(names);
    }
}
