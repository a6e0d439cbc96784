package dev.wanctl.emulator.cli;

/**
 * One token of a RouterOS console line.
 *
 * @param glued whether it follows the previous token without white space ({@code name=} then {@code "X"})
 */
record CliToken(Type type, String text, int line, int column, boolean glued) {

    enum Type {
        /** A bare run of characters ({@code /queue}, {@code max-limit=500M}, {@code name=}). */
        WORD,
        /** A double-quoted string, unescaped. */
        STRING,
        OPEN_BRACKET,
        CLOSE_BRACKET,
        OPEN_PAREN,
        CLOSE_PAREN,
        /** {@code ;} or a line break: ends a statement. */
        END
    }

    boolean is(Type t) {
        return type == t;
    }

    boolean isWord(String w) {
        return type == Type.WORD && text.equals(w);
    }

    /** The position as RouterOS reports it: {@code (line 1 column 8)}. */
    String where() {
        return "(line " + line + " column " + column + ")";
    }
}
