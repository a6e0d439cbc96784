package dev.wanctl.emulator.model;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The table operations both transports share: render an item, resolve item references, and
 * validated {@code set}, {@code add}, {@code remove}, {@code reset-counters}. Every method must be
 * called with the state's lock held; validation happens before any change, so a refused write
 * changes nothing.
 */
public final class MenuOps {

    private static final Set<String> PASSTHROUGH_ACTIONS = Set.of("mark-routing", "mark-connection", "mark-packet",
            "change-dscp", "change-mss", "change-ttl", "set-priority", "strip-ipv4-options", "sniff-pc", "sniff-tzsp");

    private final RouterState state;

    MenuOps(RouterState state) {
        this.state = state;
    }

    /** The item as REST returns it: {@code .id} first, present properties, statistics; all strings. */
    public Map<String, String> render(MenuTable t, Row r) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(".id", r.idText());
        for (Prop p : t.spec.props()) {
            String v = r.get(p.name());
            if (v != null && applies(p, r)) {
                m.put(p.name(), v);
            }
        }
        for (String s : t.spec.stats()) {
            m.put(s, stat(t.spec, r, s));
        }
        return m;
    }

    /**
     * Like {@link #render(MenuTable, Row)} with only the fields in {@code names} (all when null), in
     * the same order: a {@code .proplist} builds no more of the item than it sends.
     */
    public Map<String, String> render(MenuTable t, Row r, Collection<String> names) {
        if (names == null) {
            return render(t, r);
        }
        Map<String, String> m = new LinkedHashMap<>();
        if (names.contains(".id")) {
            m.put(".id", r.idText());
        }
        for (Prop p : t.spec.props()) {
            if (names.contains(p.name())) {
                String v = r.get(p.name());
                if (v != null && applies(p, r)) {
                    m.put(p.name(), v);
                }
            }
        }
        for (String s : t.spec.stats()) {
            if (names.contains(s)) {
                m.put(s, stat(t.spec, r, s));
            }
        }
        return m;
    }

    /**
     * The rendered item as a read-only map that renders a field only when it is asked for (what a
     * filter needs: {@code get} and {@code containsKey}); iterating it renders the whole item.
     */
    public Map<String, String> view(MenuTable t, Row r) {
        return new AbstractMap<>() {
            @Override
            public String get(Object key) {
                return key instanceof String name ? value(t, r, name) : null;
            }

            @Override
            public boolean containsKey(Object key) {
                return get(key) != null;
            }

            @Override
            public Set<Entry<String, String>> entrySet() {
                return render(t, r).entrySet();
            }
        };
    }

    /** The field {@code name} of the rendered item ({@code render(t, r).get(name)}), or null. */
    String value(MenuTable t, Row r, String name) {
        // render puts .id, then the properties, then the statistics: a later one wins a shared name
        if (t.spec.isStat(name)) {
            return stat(t.spec, r, name);
        }
        Prop p = t.spec.prop(name);
        if (p != null) {
            String v = r.get(name);
            if (v != null && applies(p, r)) {
                return v;
            }
        }
        return name.equals(".id") ? r.idText() : null;
    }

    /** A statistic's REST value; simple-queue statistics are {@code upload/download} pairs. */
    static String stat(MenuSpec spec, Row r, String name) {
        long v = r.counters.value(name);
        return spec.pairStats() && !name.startsWith("total-") ? "0/" + v : Long.toString(v);
    }

    static boolean applies(Prop p, Row r) {
        return p.forKind() == null || p.forKind().equals(r.get("kind"));
    }

    /** The item named by an id ({@code *1A}) or, in named menus, a name. */
    Row resolve(MenuTable t, String ref) throws RosError {
        long id = RosId.parse(ref);
        Row r = id >= 0 ? t.byId(id) : t.byName(ref);
        if (r == null) {
            throw RosError.notFound();
        }
        return r;
    }

    /**
     * The items of a REST {@code numbers} argument: a comma list of ids, names, console positions or
     * (as observed on 7.23) a comment, whose first match counts.
     */
    public List<Row> resolveNumbers(MenuTable t, String numbers) throws RosError {
        if (numbers == null || numbers.isBlank()) {
            throw RosError.badRequest("missing =.id=");
        }
        List<Row> out = new ArrayList<>();
        for (String ref : numbers.split(",")) {
            String s = ref.trim();
            Row r = RosId.looksLikeId(s) ? t.byId(RosId.parse(s)) : t.byName(s);
            if (r == null && s.matches("\\d+") && Integer.parseInt(s) < t.rows().size()) {
                r = t.rows().get(Integer.parseInt(s));
            }
            if (r == null && !RosId.looksLikeId(s)) {
                r = t.rows().stream().filter(x -> s.equals(x.get("comment"))).findFirst().orElse(null);
            }
            if (r == null) {
                throw RosError.notFound();
            }
            out.add(r);
        }
        return out;
    }

    /** {@code set}: validates every change, then applies them and records each write. */
    public void set(MenuTable t, Row r, Map<String, String> changes, Transport via) throws RosError {
        Map<String, String> valid = validate(t, r, changes, r.get("kind"));
        for (Map.Entry<String, String> e : valid.entrySet()) {
            write(t, r, e.getKey(), e.getValue(), via);
        }
    }

    /** {@code add}: defaults, then the given values; the new item. */
    public Row add(MenuTable t, Map<String, String> values, Transport via) throws RosError {
        String kind = values.get("kind");
        Map<String, String> valid = validate(t, null, values, kind);
        for (String req : t.spec.required()) {
            if (!valid.containsKey(req) || valid.get(req).isEmpty()) {
                throw RosError.badRequest("failure: " + req + " not specified");
            }
        }
        Row r = t.newRow();
        for (Prop p : t.spec.props()) {
            if (p.defaultValue() != null && (p.forKind() == null || p.forKind().equals(kind))) {
                r.values.put(p.name(), p.defaultValue());
            }
        }
        r.values.putAll(valid);
        r.values.entrySet().removeIf(e -> e.getValue().isEmpty() && t.spec.prop(e.getKey()).emptyMeansAbsent());
        if (t.spec == MenuSpecs.MANGLE && PASSTHROUGH_ACTIONS.contains(r.get("action"))) {
            r.values.putIfAbsent("passthrough", "true");
        }
        if (via != null) {
            state.system().countWrite();
        }
        return r;
    }

    public void remove(MenuTable t, Row r) {
        t.remove(r);
        state.system().countWrite();
    }

    public void setDisabled(MenuTable t, Row r, boolean disabled, Transport via) {
        write(t, r, "disabled", disabled ? "true" : "false", via);
    }

    private void write(MenuTable t, Row r, String prop, String value, Transport via) {
        String old = r.get(prop);
        if (value.isEmpty() && t.spec.prop(prop).emptyMeansAbsent()) {
            r.values.remove(prop);
            value = null;
        } else {
            r.values.put(prop, value);
        }
        state.system().countWrite();
        if (via != null) {
            state.record(t.spec.path(), r, prop, old, value, via);
        }
        if (t.spec == MenuSpecs.MANGLE && prop.equals("disabled") && state.ruleHeld(r)) {
            // a script on the router sets it back
            if (old == null) {
                r.values.remove(prop);
            } else {
                r.values.put(prop, old);
            }
        }
    }

    private Map<String, String> validate(MenuTable t, Row self, Map<String, String> in, String kind) throws RosError {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : in.entrySet()) {
            String name = e.getKey();
            if (name.equals(".id") || name.equals("numbers")) {
                continue;
            }
            Prop p = t.spec.prop(name);
            if (p == null || !p.writable() || (p.forKind() != null && !p.forKind().equals(kind))) {
                throw RosError.unknownParameter(name);
            }
            if (self != null && name.equals("kind") && !e.getValue().equals(self.get("kind"))) {
                throw RosError.badRequest("failure: kind of a queue type cannot be changed");
            }
            String v = p.type().normalize(name, e.getValue());
            checkRef(t, self, p, v);
            out.put(name, v);
        }
        return out;
    }

    private void checkRef(MenuTable t, Row self, Prop p, String v) throws RosError {
        if (p.name().equals("name") && t.spec.named()) {
            Row other = t.byName(v);
            if (other != null && other != self) {
                throw RosError.badRequest("failure: already have item with such name");
            }
        }
        if (v.isEmpty()) {
            return;
        }
        switch (p.ref()) {
            case QUEUE_PARENT -> {
                Row parent = t.byName(v);
                if (!v.equals("global") && !state.interfaces().contains(v) && (parent == null || parent == self)) {
                    throw RosError.noMatch("parent");
                }
            }
            case QUEUE_TYPE -> {
                if (state.table(MenuSpecs.QUEUE_TYPE).byName(v) == null) {
                    throw RosError.noMatch("queue");
                }
            }
            case ROUTING_TABLE -> {
                if (!state.routingTables().contains(v)) {
                    throw RosError.noMatch("routing-table");
                }
            }
            case INTERFACE -> {
                if (!state.interfaces().contains(v.startsWith("!") ? v.substring(1) : v)) {
                    throw RosError.noMatch("interface");
                }
            }
            case NONE -> { }
        }
    }
}
