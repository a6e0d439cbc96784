package dev.wanctl.emulator.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The API query words of {@code .query} (binary API {@code ?} words without the {@code ?}):
 * {@code name=x}, {@code name} (has), {@code -name} (lacks), {@code <name=x}, {@code >name=x} and
 * {@code #ops} stack operations ({@code |} or, {@code &} and, {@code !} not, {@code .} dup, a
 * digit pushes a copy of that stack position, counted from the bottom). Evaluation starts on an
 * endless stack of true; an item passes when no false is left.
 */
public final class ApiQuery {

    private ApiQuery() {}

    public static boolean matches(List<String> words, MenuSpec spec, Map<String, String> item) throws RosError {
        if (!hasOperations(words)) {
            // no stack operations: the item passes when every test does, so the first that fails decides
            for (String w : words) {
                if (!test(w, spec, item)) {
                    return false;
                }
            }
            return true;
        }
        Deque<Boolean> stack = new ArrayDeque<>();
        for (String w : words) {
            if (w.startsWith("#")) {
                apply(w.substring(1), stack);
            } else {
                stack.push(test(w, spec, item));
            }
        }
        for (boolean b : stack) {
            if (!b) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasOperations(List<String> words) {
        for (String w : words) {
            if (w.startsWith("#")) {
                return true;
            }
        }
        return false;
    }

    private static void apply(String ops, Deque<Boolean> stack) throws RosError {
        for (char c : ops.toCharArray()) {
            switch (c) {
                case '!' -> stack.push(!pop(stack));
                case '&' -> stack.push(pop(stack) & pop(stack));
                case '|' -> stack.push(pop(stack) | pop(stack));
                case '.' -> {
                    boolean top = pop(stack);
                    stack.push(top);
                    stack.push(top);
                }
                default -> {
                    if (!Character.isDigit(c)) {
                        throw RosError.badRequest("unknown query operation " + c);
                    }
                    List<Boolean> bottomUp = new ArrayList<>(stack).reversed();
                    int i = c - '0';
                    stack.push(i < bottomUp.size() ? bottomUp.get(i) : true);
                }
            }
        }
    }

    private static boolean pop(Deque<Boolean> stack) {
        return stack.isEmpty() || stack.pop();
    }

    private static boolean test(String w, MenuSpec spec, Map<String, String> item) {
        if (w.startsWith("-")) {
            return !item.containsKey(w.substring(1));
        }
        char op = w.startsWith("<") || w.startsWith(">") ? w.charAt(0) : '=';
        String body = op == '=' ? w : w.substring(1);
        int eq = body.indexOf('=');
        if (eq < 0) {
            return item.containsKey(body);
        }
        String name = body.substring(0, eq);
        String actual = item.get(name);
        if (actual == null) {
            return false;
        }
        String wanted = canonical(spec, name, body.substring(eq + 1));
        if (op == '=') {
            return actual.equals(wanted);
        }
        int cmp = compare(actual, wanted);
        return op == '<' ? cmp < 0 : cmp > 0;
    }

    /** A filter value in canonical form when the property's type can read it ({@code no} = {@code false}). */
    public static String canonical(MenuSpec spec, String name, String value) {
        Prop p = spec == null ? null : spec.prop(name);
        if (p == null) {
            return value;
        }
        try {
            return p.type().normalize(name, value);
        } catch (RosError e) {
            return value;
        }
    }

    private static int compare(String a, String b) {
        try {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}
