package dev.wanctl.emulator.model;

import java.util.ArrayList;
import java.util.List;

/** The items of one menu in console order, and the id counter. Guarded by the state's lock. */
public final class MenuTable {

    public final MenuSpec spec;
    private final List<Row> rows = new ArrayList<>();
    private long nextId;

    MenuTable(MenuSpec spec) {
        this.spec = spec;
        this.nextId = spec.firstId();
    }

    /** All items in console order (the list is live; copy before releasing the lock). */
    public List<Row> rows() {
        return rows;
    }

    Row newRow() {
        Row r = new Row(nextId++);
        rows.add(r);
        return r;
    }

    /** A built-in item with a fixed id ({@code *FFFFFFFA} style) that renumbering leaves alone. */
    Row builtIn(long id) {
        Row r = new Row(id);
        rows.add(r);
        return r;
    }

    public void remove(Row r) {
        rows.remove(r);
    }

    public Row byId(long id) {
        for (Row r : rows) {
            if (r.id == id) {
                return r;
            }
        }
        return null;
    }

    public Row byName(String name) {
        if (!spec.named()) {
            return null;
        }
        for (Row r : rows) {
            if (name.equals(r.get("name"))) {
                return r;
            }
        }
        return null;
    }

    /** Like a configuration restore: every item added by a user gets a new, never used id. */
    void renumber() {
        for (Row r : rows) {
            if (r.id < 0xF0000000L) {
                r.id = nextId++;
            }
        }
    }
}
