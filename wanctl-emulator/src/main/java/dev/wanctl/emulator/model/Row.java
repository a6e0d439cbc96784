package dev.wanctl.emulator.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** One item of a table menu: its id, its present properties in canonical form, its statistics. */
public final class Row {

    long id;
    final Map<String, String> values = new LinkedHashMap<>();
    public final Counters counters = new Counters();

    Row(long id) {
        this.id = id;
    }

    public String get(String prop) {
        return values.get(prop);
    }

    public String idText() {
        return RosId.format(id);
    }

    public boolean flag(String prop) {
        return "true".equals(values.get(prop));
    }
}
