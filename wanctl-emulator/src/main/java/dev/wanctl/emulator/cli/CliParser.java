package dev.wanctl.emulator.cli;

import dev.wanctl.emulator.model.Prop;

import dev.wanctl.emulator.cli.CliAst.Command;
import dev.wanctl.emulator.cli.CliAst.Condition;
import dev.wanctl.emulator.cli.CliAst.Literal;
import dev.wanctl.emulator.cli.CliAst.Menu;
import dev.wanctl.emulator.cli.CliAst.Statement;
import dev.wanctl.emulator.cli.CliAst.Sub;
import dev.wanctl.emulator.cli.CliAst.Value;
import dev.wanctl.emulator.cli.CliToken.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a whole console script before anything runs, as RouterOS does: a bad command name or a
 * syntax error anywhere means nothing is executed. Accepts {@code /queue tree set} and
 * {@code /queue/tree/set} alike, {@code ;}-separated statements, {@code :put}, {@code [ ... ]}.
 */
final class CliParser {

    private static final Set<String> PRINT_FLAGS =
            Set.of("detail", "stats", "terse", "count-only", "without-paging", "as-value", "brief");

    private final List<CliToken> tokens;
    private final CliConditionParser conditions;
    private int pos;
    /** The menu that relative commands inside brackets start from. */
    private String currentContext = "";

    private CliParser(List<CliToken> tokens) {
        this.tokens = tokens;
        this.conditions = new CliConditionParser(this);
    }

    static List<Statement> parse(String script) throws CliError {
        CliParser p = new CliParser(CliLexer.tokenize(script));
        List<Statement> out = new ArrayList<>();
        while (p.peek() != null) {
            if (p.peek().is(Type.END)) {
                p.pos++;
                continue;
            }
            Statement s = p.statement();
            if (s != null) {
                out.add(s);
            }
            CliToken t = p.peek();
            if (t != null && !t.is(Type.END)) {
                throw p.unexpected(t);
            }
        }
        return out;
    }

    private Statement statement() throws CliError {
        CliToken t = peek();
        if (t.is(Type.WORD) && t.text().startsWith(":")) {
            if (!t.text().equals(":put")) {
                throw new CliError("bad command name " + t.text().substring(1) + " " + t.where());
            }
            pos++;
            CliToken next = peek();
            if (next == null || next.is(Type.END)) {
                return new CliAst.Put(new Literal("", t));
            }
            return new CliAst.Put(value());
        }
        return command("");
    }

    /** One command; {@code context} is the menu a relative path starts from (inside brackets). */
    Command command(String context) throws CliError {
        CliToken first = peek();
        if (first == null || !first.is(Type.WORD)) {
            throw first == null ? new CliError("syntax error (line 1 column 1)") : unexpected(first);
        }
        String cur = first.text().startsWith("/") ? "" : context;
        String verb = null;
        CliToken verbAt = first;
        while (verb == null && peek() != null && peek().is(Type.WORD)
                && (peek() == first || isMenuOrDir(cur))) {
            CliToken w = next();
            int offset = 0;
            for (String part : w.text().split("/", -1)) {
                CliToken at = new CliToken(Type.WORD, part, w.line(), w.column() + offset, false);
                offset += part.length() + 1;
                if (part.isEmpty()) {
                    continue;
                }
                if (verb != null) {
                    throw new CliError("bad command name " + part + " " + at.where());
                }
                String child = CliPaths.child(cur, part);
                Menu here = CliPaths.menu(cur);
                if (CliPaths.isDirectory(child) || CliPaths.menu(child) != null) {
                    cur = child;
                } else if (here != null && CliPaths.hasCommand(here, part)) {
                    verb = part;
                    verbAt = at;
                } else {
                    throw new CliError("bad command name " + part + " " + at.where());
                }
            }
        }
        Menu menu = CliPaths.menu(cur);
        if (verb == null) {
            return null; // only a path: RouterOS would change directory, which an exec does not keep
        }
        return arguments(verbAt, menu, verb);
    }

    private static boolean isMenuOrDir(String path) {
        return CliPaths.isDirectory(path) || CliPaths.menu(path) != null;
    }

    private Command arguments(CliToken at, Menu menu, String verb) throws CliError {
        String saved = currentContext;
        currentContext = menu.path();
        try {
            return argumentsIn(at, menu, verb);
        } finally {
            currentContext = saved;
        }
    }

    private Command argumentsIn(CliToken at, Menu menu, String verb) throws CliError {
        Value items = null;
        Map<String, Value> props = new LinkedHashMap<>();
        Set<String> flags = new LinkedHashSet<>();
        Condition where = null;
        List<String> proplist = null;
        String property = null;
        if (verb.equals("find")) {
            if (peekWord("where")) {
                pos++;
            }
            return new Command(at, menu, verb, null, props, flags, conditions.parse(), null, null);
        }
        while (peek() != null && !peek().is(Type.END) && !peek().is(Type.CLOSE_BRACKET)) {
            CliToken t = peek();
            String text = t.is(Type.WORD) ? t.text() : null;
            if (verb.equals("print") && text != null && PRINT_FLAGS.contains(text)) {
                pos++;
                flags.add(text);
            } else if (verb.equals("print") && "where".equals(text)) {
                pos++;
                where = conditions.parse();
            } else if (verb.equals("print") && text != null && text.startsWith("proplist=")) {
                pos++;
                proplist = List.of(literal(valueAfterEquals(t, "proplist")).split(","));
            } else if (text != null && (text.startsWith("numbers=") || (verb.equals("print") && text.startsWith("from=")))) {
                pos++;
                items = valueAfterEquals(t, text.substring(0, text.indexOf('=')));
            } else if (text != null && text.indexOf('=') > 0 && !verb.equals("print")) {
                pos++;
                String name = text.substring(0, text.indexOf('='));
                if (verb.equals("get") && name.equals("value-name")) {
                    property = literal(valueAfterEquals(t, name));
                } else {
                    checkProperty(menu, verb, name, t);
                    props.put(name, valueAfterEquals(t, name));
                }
            } else if (takesItems(menu, verb) && items == null && props.isEmpty()) {
                items = value();
            } else if (verb.equals("get") && property == null && text != null) {
                pos++;
                property = text;
            } else {
                throw unexpected(t);
            }
        }
        if (verb.equals("get") && property == null) {
            throw new CliError("expected end of command " + at.where());
        }
        return new Command(at, menu, verb, items, props, flags, where, proplist, property);
    }

    private static boolean takesItems(Menu menu, String verb) {
        return menu.isTable() && !verb.equals("add") && !verb.equals("print") && !verb.equals("reset-counters-all");
    }

    private static void checkProperty(Menu menu, String verb, String name, CliToken t) throws CliError {
        boolean ok;
        if (menu.isTable()) {
            Prop p = menu.spec().prop(name);
            ok = (verb.equals("set") || verb.equals("add")) && p != null && p.writable();
        } else {
            ok = verb.equals("set") && name.equals("name");
        }
        if (!ok) {
            throw new CliError("expected end of command " + t.where());
        }
    }

    /** A value: a quoted string, a bare word, or {@code [ command ]}. */
    Value value() throws CliError {
        CliToken t = next();
        if (t == null) {
            throw new CliError("syntax error (line 1 column 1)");
        }
        return switch (t.type()) {
            case STRING, WORD -> new Literal(t.text(), t);
            case OPEN_BRACKET -> bracket(t);
            default -> throw unexpected(t);
        };
    }

    /** The value of {@code name=...}: the rest of the word, or a glued string or bracket. */
    Value valueAfterEquals(CliToken word, String name) throws CliError {
        String rest = word.text().substring(word.text().indexOf('=') + 1);
        if (!rest.isEmpty()) {
            return new Literal(rest, word);
        }
        CliToken t = peek();
        if (t != null && t.glued() && (t.is(Type.STRING) || t.is(Type.OPEN_BRACKET))) {
            return value();
        }
        return new Literal("", word);
    }

    private Value bracket(CliToken open) throws CliError {
        Value v;
        if (peekWord(":serialize")) {
            v = serialize(next());
        } else {
            Command c = command(currentContext);
            if (c == null) {
                throw new CliError("syntax error " + open.where());
            }
            v = new Sub(c);
        }
        CliToken close = next();
        if (close == null || !close.is(Type.CLOSE_BRACKET)) {
            throw close == null ? new CliError("syntax error " + open.where()) : unexpected(close);
        }
        return v;
    }

    /** {@code :serialize to=json [options=json.no-string-conversion] [value=]<value>}. */
    private Value serialize(CliToken at) throws CliError {
        boolean json = false;
        boolean keepStrings = false;
        Value value = null;
        while (peek() != null && !peek().is(Type.CLOSE_BRACKET) && !peek().is(Type.END)) {
            CliToken t = peek();
            String text = t.is(Type.WORD) ? t.text() : "";
            if (text.startsWith("to=")) {
                pos++;
                if (!literal(valueAfterEquals(t, "to")).equals("json")) {
                    throw new CliError("input does not match any value of to");
                }
                json = true;
            } else if (text.startsWith("options=")) {
                pos++;
                keepStrings = literal(valueAfterEquals(t, "options")).contains("json.no-string-conversion");
            } else if (text.startsWith("value=")) {
                pos++;
                value = valueAfterEquals(t, "value");
            } else if (value == null) {
                value = value();
            } else {
                throw unexpected(t);
            }
        }
        if (!json) {
            throw new CliError("expected end of command " + at.where());
        }
        return new CliAst.Serialize(value == null ? new Literal("", at) : value, keepStrings);
    }

    static String literal(Value v) throws CliError {
        if (v instanceof Literal l) {
            return l.text();
        }
        throw new CliError("syntax error (line 1 column 1)");
    }

    CliToken peek() {
        return pos < tokens.size() ? tokens.get(pos) : null;
    }

    CliToken next() {
        return pos < tokens.size() ? tokens.get(pos++) : null;
    }

    boolean peekWord(String w) {
        return peek() != null && peek().isWord(w);
    }

    CliError unexpected(CliToken t) {
        if (t.is(Type.CLOSE_BRACKET) || t.is(Type.CLOSE_PAREN) || t.is(Type.OPEN_PAREN)) {
            return new CliError("syntax error " + t.where());
        }
        return new CliError("expected end of command " + t.where());
    }
}
