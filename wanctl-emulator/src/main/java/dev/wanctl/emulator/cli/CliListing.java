package dev.wanctl.emulator.cli;

import dev.wanctl.emulator.model.MenuSpec;
import dev.wanctl.emulator.model.MenuTable;
import dev.wanctl.emulator.model.Row;

import dev.wanctl.emulator.cli.CliAst.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A list {@code print} of a table menu: picks the layout (items, stats, terse, table) and fields. */
final class CliListing {

    private final CliPrinter printer;
    private final CliLayout layout;
    private final CliSelection selection;

    CliListing(CliPrinter printer, CliLayout layout, CliSelection selection) {
        this.printer = printer;
        this.layout = layout;
        this.selection = selection;
    }

    void print(StringBuilder out, MenuTable t, List<Row> rows, Command c, List<String> tableColumns) {
        MenuSpec spec = t.spec;
        boolean terse = c.flags().contains("terse");
        boolean stats = c.flags().contains("stats");
        boolean detail = c.flags().contains("detail");
        CliPrinter.Mode mode = terse ? CliPrinter.Mode.TERSE : stats ? CliPrinter.Mode.STATS : CliPrinter.Mode.DETAIL;
        List<String> fields = new ArrayList<>(stats ? spec.cliStatsOrder() : spec.cliOrder());
        if (c.proplist() != null) {
            fields.retainAll(c.proplist());
        }
        int indexWidth = CliPrinter.indexWidth(t.rows().size());
        List<Integer> indexes = new ArrayList<>();
        List<Map<String, String>> views = new ArrayList<>();
        for (Row r : rows) {
            indexes.add(t.rows().indexOf(r));
            views.add(selection.view(t, r));
        }
        if (!terse) {
            printer.legend(out, spec);
        }
        if (layout == CliLayout.NEW && !terse && !stats && !detail && tableColumns != null) {
            printer.table(out, spec, rows, indexes, indexWidth, views, tableColumns);
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            printer.item(out, spec, indexes.get(i), indexWidth, rows.get(i), views.get(i), fields, mode);
            if (detail) {
                out.append('\n');
            }
        }
    }
}
