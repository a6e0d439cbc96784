package dev.wanctl.emulator.cli;

import dev.wanctl.emulator.model.MenuOps;
import dev.wanctl.emulator.model.MenuTable;
import dev.wanctl.emulator.model.RequestKind;
import dev.wanctl.emulator.model.RosError;
import dev.wanctl.emulator.model.RouterState;
import dev.wanctl.emulator.model.Row;
import dev.wanctl.emulator.model.SystemResource;
import dev.wanctl.emulator.model.Transport;

import dev.wanctl.emulator.cli.CliAst.Command;
import dev.wanctl.emulator.cli.CliAst.Literal;
import dev.wanctl.emulator.cli.CliAst.Put;
import dev.wanctl.emulator.cli.CliAst.Statement;
import dev.wanctl.emulator.cli.CliAst.Sub;
import dev.wanctl.emulator.cli.CliAst.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a console script the way an SSH exec on RouterOS does: parse everything first, then run the
 * statements in order under the state's lock; the first error is printed on stdout and stops the
 * rest (what ran before it stays done). Output lines end in CR LF, as RouterOS sends them.
 */
final class CliInterpreter {

    /** The result of one exec. */
    record Outcome(String output, boolean failed, RequestKind kind) {}

    /** What {@code print as-value} returns: an array of items. */
    record AsValue(List<Map<String, String>> items) {}

    private static final Map<String, List<String>> TABLE_COLUMNS = Map.of(
            "queue/tree", List.of("name", "parent", "packet-mark", "limit-at", "queue", "max-limit"),
            "queue/type", List.of("name", "kind"),
            "queue/simple", List.of("name", "target", "max-limit"));

    private final RouterState state;
    private final CliLayout layout;
    private final CliSelection selection;

    CliInterpreter(RouterState state, CliLayout layout) {
        this.state = state;
        this.layout = layout;
        this.selection = new CliSelection(state);
    }

    /** Whether a script would write; unparsable scripts count as reads. */
    static RequestKind kindOf(String script) {
        try {
            for (Statement s : CliParser.parse(script)) {
                if (writes(s)) {
                    return RequestKind.WRITE;
                }
            }
        } catch (CliError e) {
            return RequestKind.READ;
        }
        return RequestKind.READ;
    }

    private static String arrayText(Map<String, String> item) {
        List<String> parts = new ArrayList<>();
        item.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(";", parts);
    }

    private static boolean writes(Statement s) {
        return switch (s) {
            case Put p -> p.value() instanceof Sub sub && writes(sub.command());
            case Command c -> c.writes() || (c.items() instanceof Sub sub && writes(sub.command()));
        };
    }

    Outcome run(String script, int width, Transport via) {
        StringBuilder out = new StringBuilder();
        RequestKind kind = RequestKind.READ;
        boolean failed = false;
        try {
            List<Statement> statements = CliParser.parse(script);
            kind = statements.stream().anyMatch(CliInterpreter::writes) ? RequestKind.WRITE : RequestKind.READ;
            Run run = new Run(new CliPrinter(layout, width), via, out);
            synchronized (state.lock()) {
                for (Statement s : statements) {
                    run.statement(s);
                }
            }
        } catch (CliError e) {
            out.append(e.getMessage()).append('\n');
            failed = true;
        }
        return new Outcome(out.toString().replace("\n", "\r\n"), failed, kind);
    }

    /** One exec's evaluation. */
    private final class Run {
        private final CliPrinter printer;
        private final Transport via;
        private final StringBuilder out;

        Run(CliPrinter printer, Transport via, StringBuilder out) {
            this.printer = printer;
            this.via = via;
            this.out = out;
        }

        void statement(Statement s) throws CliError {
            switch (s) {
                case Put p -> out.append(text(p.value())).append('\n');
                case Command c -> execute(c, true);
            }
        }

        /** A value as text: literals as written, results as {@code :put} shows them ({@code *1;*2} for item lists). */
        String text(Value v) throws CliError {
            return switch (eval(v)) {
                case null -> "";
                case List<?> rows -> String.join(";", rows.stream().map(r -> ((Row) r).idText()).toList());
                case AsValue a -> String.join(";", a.items().stream().map(CliInterpreter::arrayText).toList());
                case Object o -> o.toString();
            };
        }

        private Object eval(Value v) throws CliError {
            return switch (v) {
                case Literal l -> l.text();
                case Sub sub -> execute(sub.command(), false);
                case CliAst.Serialize s -> CliJson.serialize(eval(s.value()), s.keepStrings());
            };
        }

        private Object execute(Command c, boolean topLevel) throws CliError {
            if (!c.menu().isTable()) {
                return singleton(c);
            }
            MenuTable t = state.table(c.menu().spec());
            MenuOps ops = state.ops();
            try {
                switch (c.verb()) {
                    case "find" -> {
                        return select(t, t.rows(), c);
                    }
                    case "print" -> {
                        return print(t, c, topLevel);
                    }
                    case "get" -> {
                        return get(t, c);
                    }
                    case "add" -> {
                        return ops.add(t, props(c), via).idText();
                    }
                    case "set" -> {
                        Map<String, String> props = props(c);
                        for (Row r : items(t, c)) {
                            ops.set(t, r, props, via);
                        }
                    }
                    case "reset-counters-all" -> t.rows().forEach(r -> r.counters.resetCumulative());
                    default -> {
                        for (Row r : items(t, c)) {
                            switch (c.verb()) {
                                case "enable" -> ops.setDisabled(t, r, false, via);
                                case "disable" -> ops.setDisabled(t, r, true, via);
                                case "remove" -> ops.remove(t, r);
                                case "reset-counters" -> r.counters.resetCumulative();
                                default -> throw new CliError("bad command name " + c.verb() + " " + c.at().where());
                            }
                        }
                    }
                }
            } catch (RosError e) {
                throw new CliError(e.getMessage());
            }
            return null;
        }

        private List<Row> select(MenuTable t, List<Row> candidates, Command c) throws CliError {
            List<Row> out = new ArrayList<>();
            for (Row r : candidates) {
                if (selection.matches(c.where(), t, selection.view(t, r), this::text)) {
                    out.add(r);
                }
            }
            return out;
        }

        private List<Row> items(MenuTable t, Command c) throws CliError {
            if (c.items() == null) {
                throw new CliError("missing value(s) of argument(s) numbers");
            }
            if (c.items() instanceof Sub sub && "find".equals(sub.command().verb())) {
                @SuppressWarnings("unchecked")
                List<Row> rows = (List<Row>) execute(sub.command(), false);
                return rows;
            }
            return CliSelection.resolve(t, text(c.items()));
        }

        private Map<String, String> props(Command c) throws CliError {
            Map<String, String> out = new LinkedHashMap<>();
            for (Map.Entry<String, Value> e : c.props().entrySet()) {
                out.put(e.getKey(), text(e.getValue()));
            }
            return out;
        }

        private String get(MenuTable t, Command c) throws CliError {
            List<Row> rows = items(t, c);
            if (rows.isEmpty()) {
                throw new CliError("no such item");
            }
            if (rows.size() > 1) {
                throw new CliError("invalid internal item number");
            }
            Map<String, String> view = selection.view(t, rows.getFirst());
            String p = c.property();
            if (view.containsKey(p)) {
                return view.get(p);
            }
            if (t.spec.prop(p) != null) {
                return "";
            }
            throw new CliError("input does not match any value of value-name");
        }

        private Object print(MenuTable t, Command c, boolean topLevel) throws CliError {
            List<Row> candidates = c.items() == null ? t.rows() : items(t, c);
            List<Row> rows = select(t, candidates, c);
            if (c.flags().contains("count-only")) {
                if (topLevel) {
                    out.append(rows.size()).append('\n');
                }
                return Integer.toString(rows.size());
            }
            if (c.flags().contains("as-value")) {
                return asValue(t, rows);
            }
            if (!topLevel) {
                return null;
            }
            new CliListing(printer, layout, selection).print(out, t, rows, c, TABLE_COLUMNS.get(t.spec.path()));
            return null;
        }

        private AsValue asValue(MenuTable t, List<Row> rows) {
            List<Map<String, String>> items = new ArrayList<>();
            for (Row r : rows) {
                items.add(selection.view(t, r));
            }
            return new AsValue(items);
        }

        private Object singleton(Command c) throws CliError {
            List<SystemResource.Field> fields = new ArrayList<>();
            if (c.menu().path().equals(CliPaths.RESOURCE)) {
                fields.addAll(state.system().fields());
            } else {
                fields.add(new SystemResource.Field("name", state.system().identity, state.system().identity));
            }
            switch (c.verb()) {
                case "print" -> CliPrinter.keyValues(out, fields);
                case "get" -> {
                    for (SystemResource.Field f : fields) {
                        if (f.key().equals(c.property())) {
                            return f.rest();
                        }
                    }
                    throw new CliError("input does not match any value of value-name");
                }
                default -> {
                    Value name = c.props().get("name");
                    if (name != null) {
                        state.system().identity = text(name);
                        state.system().countWrite();
                    }
                }
            }
            return null;
        }
    }
}
