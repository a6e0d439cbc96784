package dev.wanctl.emulator.cli;

import dev.wanctl.emulator.model.ApiQuery;
import dev.wanctl.emulator.model.MenuSpecs;
import dev.wanctl.emulator.model.MenuTable;
import dev.wanctl.emulator.model.RosId;
import dev.wanctl.emulator.model.RouterState;
import dev.wanctl.emulator.model.Row;

import dev.wanctl.emulator.cli.CliAst.And;
import dev.wanctl.emulator.cli.CliAst.Compare;
import dev.wanctl.emulator.cli.CliAst.Condition;
import dev.wanctl.emulator.cli.CliAst.IsTrue;
import dev.wanctl.emulator.cli.CliAst.Not;
import dev.wanctl.emulator.cli.CliAst.Or;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which items a console command means: {@code where}/{@code find} conditions evaluated on an
 * item's values, and item references ({@code *1A}, console numbers, names, comma lists).
 */
final class CliSelection {

    /** Evaluates a value of a condition (it may be a {@code [ ... ]}). */
    interface ValueSource {
        String text(CliAst.Value v) throws CliError;
    }

    private final RouterState state;

    CliSelection(RouterState state) {
        this.state = state;
    }

    /**
     * The item's values as the console sees them: the REST values plus what the console shows
     * for firewall properties REST leaves out until written ({@code disabled=no log=no
     * log-prefix=""}).
     */
    Map<String, String> view(MenuTable t, Row r) {
        Map<String, String> v = new LinkedHashMap<>(state.ops().render(t, r));
        if (t.spec.prop("disabled") != null) {
            v.putIfAbsent("disabled", "false");
        }
        if (t.spec == MenuSpecs.MANGLE) {
            v.putIfAbsent("log", "false");
            v.putIfAbsent("log-prefix", "");
        }
        return v;
    }

    boolean matches(Condition c, MenuTable t, Map<String, String> view, ValueSource values) throws CliError {
        return switch (c) {
            case null -> true;
            case And a -> matches(a.left(), t, view, values) && matches(a.right(), t, view, values);
            case Or o -> matches(o.left(), t, view, values) || matches(o.right(), t, view, values);
            case Not n -> !matches(n.inner(), t, view, values);
            case IsTrue b -> "true".equals(view.get(b.property()));
            case Compare cmp -> compare(cmp, t, view, values.text(cmp.value()));
        };
    }

    private static boolean compare(Compare c, MenuTable t, Map<String, String> view, String wanted) throws CliError {
        String actual = view.get(c.property());
        if (c.op().equals("~")) {
            try {
                return actual != null && Pattern.compile(wanted).matcher(actual).find();
            } catch (PatternSyntaxException e) {
                throw new CliError("invalid regular expression");
            }
        }
        String canonical = ApiQuery.canonical(t.spec, c.property(), wanted);
        return switch (c.op()) {
            case "=" -> canonical.equals(actual);
            case "!=" -> !canonical.equals(actual);
            default -> actual != null && compareValues(actual, canonical) * (c.op().equals("<") ? -1 : 1) > 0;
        };
    }

    private static int compareValues(String a, String b) {
        try {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    /** Items named by ids, console numbers or names, separated by commas or semicolons. */
    static List<Row> resolve(MenuTable t, String refs) throws CliError {
        List<Row> out = new ArrayList<>();
        for (String ref : refs.split("[,;]")) {
            String s = ref.trim();
            if (s.isEmpty()) {
                continue;
            }
            Row r;
            if (RosId.looksLikeId(s)) {
                r = t.byId(RosId.parse(s));
            } else if (s.matches("\\d+")) {
                int i = Integer.parseInt(s);
                r = i < t.rows().size() ? t.rows().get(i) : null;
            } else {
                r = t.byName(s);
            }
            if (r == null) {
                throw new CliError("no such item");
            }
            out.add(r);
        }
        return out;
    }
}
