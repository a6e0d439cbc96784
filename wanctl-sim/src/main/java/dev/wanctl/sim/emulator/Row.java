package dev.wanctl.sim.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** One item of a table menu: its id, its present properties in canonical form, its statistics. */
final class Row {

    long id;
    final Map<String, String> values = new LinkedHashMap<>();
    final Counters counters = new Counters();

    Row(long id) {
        this.id = id;
    }

    String get(String prop) {
        return values.get(prop);
    }

    String idText() {
        return RosId.format(id);
    }

    boolean flag(String prop) {
        return "true".equals(values.get(prop));
    }
}
