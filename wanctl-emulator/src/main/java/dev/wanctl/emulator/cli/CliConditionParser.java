package dev.wanctl.emulator.cli;

import dev.wanctl.emulator.cli.CliAst.And;
import dev.wanctl.emulator.cli.CliAst.Compare;
import dev.wanctl.emulator.cli.CliAst.Condition;
import dev.wanctl.emulator.cli.CliAst.IsTrue;
import dev.wanctl.emulator.cli.CliAst.Not;
import dev.wanctl.emulator.cli.CliAst.Or;
import dev.wanctl.emulator.cli.CliToken.Type;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code where} and {@code find} conditions: {@code name="X"}, {@code comment~"regex"},
 * {@code prop!=v}, {@code prop<v}, bare booleans ({@code disabled}, {@code !disabled}), joined
 * with {@code and}/{@code &&} (or nothing), {@code or}/{@code ||}, {@code !}/{@code not} and
 * parentheses. An empty condition matches everything.
 */
final class CliConditionParser {

    private static final Pattern ATOM = Pattern.compile("([A-Za-z0-9.\\-]+)(!=|~|=|<|>)(.*)", Pattern.DOTALL);

    private final CliParser p;

    CliConditionParser(CliParser p) {
        this.p = p;
    }

    /** A condition up to the end of the statement or the closing bracket; null when there is none. */
    Condition parse() throws CliError {
        return atEnd() ? null : or();
    }

    private boolean atEnd() {
        CliToken t = p.peek();
        return t == null || t.is(Type.END) || t.is(Type.CLOSE_BRACKET) || t.is(Type.CLOSE_PAREN);
    }

    private Condition or() throws CliError {
        Condition c = and();
        while (p.peekWord("or") || p.peekWord("||")) {
            p.next();
            c = new Or(c, and());
        }
        return c;
    }

    private Condition and() throws CliError {
        Condition c = not();
        while (!atEnd() && !p.peekWord("or") && !p.peekWord("||")) {
            if (p.peekWord("and") || p.peekWord("&&")) {
                p.next();
            }
            c = new And(c, not());
        }
        return c;
    }

    private Condition not() throws CliError {
        CliToken t = p.peek();
        if (t == null || atEnd()) {
            throw new CliError("syntax error " + (t == null ? "(line 1 column 1)" : t.where()));
        }
        if (t.isWord("!") || t.isWord("not")) {
            p.next();
            return new Not(not());
        }
        if (t.is(Type.OPEN_PAREN)) {
            p.next();
            Condition c = or();
            CliToken close = p.next();
            if (close == null || !close.is(Type.CLOSE_PAREN)) {
                throw new CliError("syntax error " + t.where());
            }
            return c;
        }
        if (!t.is(Type.WORD)) {
            throw p.unexpected(t);
        }
        p.next();
        if (t.text().startsWith("!")) {
            return new Not(atom(new CliToken(Type.WORD, t.text().substring(1), t.line(), t.column() + 1, t.glued())));
        }
        return atom(t);
    }

    private Condition atom(CliToken t) throws CliError {
        Matcher m = ATOM.matcher(t.text());
        if (!m.matches()) {
            if (!t.text().matches("[A-Za-z0-9.\\-]+")) {
                throw new CliError("syntax error " + t.where());
            }
            return new IsTrue(t.text());
        }
        String name = m.group(1);
        String op = m.group(2);
        String rest = m.group(3);
        CliToken valueWord = new CliToken(Type.WORD, name + "=" + rest, t.line(), t.column(), t.glued());
        return new Compare(name, op, p.valueAfterEquals(valueWord, name));
    }
}
