package dev.wanctl.emulator.cli;

import dev.wanctl.emulator.model.MenuSpec;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The parsed form of a console script (the subset of RouterOS scripting the emulator runs). */
final class CliAst {

    private CliAst() {}

    /** A menu of the console: a table ({@code spec} set) or a singleton ({@code system/resource}). */
    record Menu(String path, MenuSpec spec) {
        boolean isTable() {
            return spec != null;
        }
    }

    sealed interface Statement permits Put, Command {}

    /** {@code :put <value>}. */
    record Put(Value value) implements Statement {}

    /**
     * One console command.
     *
     * @param items the item argument ({@code [find ...]}, {@code *1000000}, {@code 0}, a name), or null
     * @param props {@code name=value} arguments in order
     * @param flags {@code print} modifiers ({@code detail}, {@code stats}, ...)
     * @param where {@code print where ...} / {@code find ...} condition, or null
     * @param proplist {@code print proplist=a,b}, or null
     * @param property {@code get}'s property name, or null
     */
    record Command(CliToken at, Menu menu, String verb, Value items, Map<String, Value> props, Set<String> flags,
            Condition where, List<String> proplist, String property) implements Statement {

        boolean writes() {
            return Set.of("set", "add", "remove", "enable", "disable", "reset-counters", "reset-counters-all", "move")
                    .contains(verb);
        }
    }

    sealed interface Value permits Literal, Sub, Serialize {}

    record Literal(String text, CliToken at) implements Value {}

    /** {@code [ command ]}. */
    record Sub(Command command) implements Value {}

    /**
     * {@code [:serialize to=json <value>]}; numeric-looking strings and booleans become JSON numbers
     * and booleans unless {@code options=json.no-string-conversion} ({@code keepStrings}).
     */
    record Serialize(Value value, boolean keepStrings) implements Value {}

    sealed interface Condition permits And, Or, Not, Compare, IsTrue {}

    record And(Condition left, Condition right) implements Condition {}

    record Or(Condition left, Condition right) implements Condition {}

    record Not(Condition inner) implements Condition {}

    /** {@code prop=value}, {@code prop!=value}, {@code prop~regex}, {@code prop<value}, {@code prop>value}. */
    record Compare(String property, String op, Value value) implements Condition {}

    /** A bare boolean property: {@code disabled}, {@code dynamic}. */
    record IsTrue(String property) implements Condition {}
}
