package dev.wanctl.emulator.cli;

import dev.wanctl.emulator.model.MenuSpec;
import dev.wanctl.emulator.model.Prop;
import dev.wanctl.emulator.model.Row;
import dev.wanctl.emulator.model.SystemResource;

import dev.wanctl.emulator.model.MenuSpec.Flag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Console output layouts (routeros-api.md §5.3): the flag legend, items with the index, flag
 * columns and {@code ;;;} comment on the first line and properties wrapped onto indented
 * continuation lines, terse lines, the newer layout's tables, and the right-aligned
 * {@code key: value} of singleton menus.
 */
final class CliPrinter {

    /** What a list print shows. */
    enum Mode {
        DETAIL,
        STATS,
        TERSE
    }

    private final CliLayout layout;
    private final int width;

    CliPrinter(CliLayout layout, int width) {
        this.layout = layout;
        this.width = width;
    }

    void legend(StringBuilder out, MenuSpec spec) {
        List<String> groups = new ArrayList<>();
        for (List<Flag> column : spec.flagColumns()) {
            List<String> flags = new ArrayList<>();
            for (Flag f : column) {
                flags.add(f.letter() + " - " + (layout == CliLayout.NEW ? f.word().toUpperCase(Locale.ROOT) : f.word()));
            }
            groups.add(String.join(", ", flags));
        }
        out.append("Flags: ").append(String.join("; ", groups)).append('\n');
    }

    /** One item; {@code view} holds canonical values, {@code fields} the properties to show in order. */
    void item(StringBuilder out, MenuSpec spec, int index, int indexWidth, Row r, Map<String, String> view,
            List<String> fields, Mode mode) {
        String prefix = prefix(spec, index, indexWidth, r);
        String indent = " ".repeat(prefix.length());
        String comment = view.get("comment");
        List<String> tokens = new ArrayList<>();
        if (mode == Mode.TERSE && comment != null) {
            tokens.add("comment=" + quote(comment, false));
        }
        for (String f : fields) {
            String v = view.get(f);
            if (v != null) {
                Prop p = spec.prop(f);
                String shown = p == null ? v : p.type().toCli(v);
                tokens.add(f + "=" + quote(shown, mode != Mode.TERSE && p != null && p.type().alwaysQuoted()));
            }
        }
        if (mode == Mode.TERSE) {
            out.append(prefix).append(String.join(" ", tokens)).append('\n');
            return;
        }
        StringBuilder line = new StringBuilder(prefix);
        if (comment != null) {
            out.append(prefix).append(";;; ").append(comment).append('\n');
            line = new StringBuilder(indent);
        }
        boolean empty = true;
        for (String t : tokens) {
            if (!empty && line.length() + 1 + t.length() > width) {
                out.append(line).append('\n');
                line = new StringBuilder(indent);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            line.append(t);
            empty = false;
        }
        if (!empty || comment == null) {
            out.append(line).append('\n');
        }
    }

    /** The newer layout's table for a plain {@code print}. */
    void table(StringBuilder out, MenuSpec spec, List<Row> rows, List<Integer> indexes, int indexWidth,
            List<Map<String, String>> views, List<String> columns) {
        out.append("Columns: ").append(String.join(", ", columns.stream().map(c -> c.toUpperCase(Locale.ROOT)).toList()))
                .append('\n');
        int[] widths = new int[columns.size()];
        List<List<String>> cells = new ArrayList<>();
        for (Map<String, String> view : views) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                String v = view.get(columns.get(c));
                Prop p = spec.prop(columns.get(c));
                String shown = v == null ? "" : p == null ? v : p.type().toCli(v);
                row.add(shown);
                widths[c] = Math.max(widths[c], shown.length());
            }
            cells.add(row);
        }
        String hashPrefix = String.format("%" + (indexWidth + 1) + "s", "#") + " " + " ".repeat(spec.flagColumns().size()) + " ";
        List<String> header = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            header.add(columns.get(c).toUpperCase(Locale.ROOT));
            widths[c] = Math.max(widths[c], columns.get(c).length());
        }
        out.append(hashPrefix).append(cellsLine(header, widths)).append('\n');
        for (int i = 0; i < rows.size(); i++) {
            String prefix = prefix(spec, indexes.get(i), indexWidth, rows.get(i));
            String comment = views.get(i).get("comment");
            if (comment != null) {
                out.append(prefix).append(";;; ").append(comment).append('\n');
                prefix = " ".repeat(prefix.length());
            }
            out.append(prefix).append(cellsLine(cells.get(i), widths)).append('\n');
        }
    }

    /** {@code /system resource print}: keys right-aligned so that the colons line up. */
    static void keyValues(StringBuilder out, List<SystemResource.Field> fields) {
        int w = 0;
        for (SystemResource.Field f : fields) {
            w = Math.max(w, f.key().length());
        }
        for (SystemResource.Field f : fields) {
            out.append(" ".repeat(w + 2 - f.key().length())).append(f.key()).append(": ").append(f.cli()).append('\n');
        }
    }

    /** A value as the console prints it: quoted when it must be (or always for text properties). */
    static String quote(String v, boolean always) {
        boolean needs = always || v.isEmpty();
        for (int i = 0; i < v.length() && !needs; i++) {
            needs = " \t\"\\;$[]{}=".indexOf(v.charAt(i)) >= 0 || v.charAt(i) < 0x20;
        }
        if (!needs) {
            return v;
        }
        return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static int indexWidth(int count) {
        return Integer.toString(Math.max(0, count - 1)).length();
    }

    private static String prefix(MenuSpec spec, int index, int indexWidth, Row r) {
        StringBuilder sb = new StringBuilder(String.format("%" + (indexWidth + 1) + "d", index)).append(' ');
        for (List<Flag> column : spec.flagColumns()) {
            char c = ' ';
            for (Flag f : column) {
                if (r.flag(f.property())) {
                    c = f.letter();
                    break;
                }
            }
            sb.append(c);
        }
        return sb.append(' ').toString();
    }

    private static String cellsLine(List<String> cells, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                sb.append("  ");
            }
            sb.append(c == cells.size() - 1 ? cells.get(c) : String.format("%-" + widths[c] + "s", cells.get(c)));
        }
        return sb.toString();
    }
}
