package dev.wanctl.emulator.cli;

import dev.wanctl.emulator.cli.CliToken.Type;
import java.util.ArrayList;
import java.util.List;

/** Splits a console script into tokens with their line and column (1-based, as RouterOS counts). */
final class CliLexer {

    private CliLexer() {}

    /** The tokens; an unterminated string is a {@code syntax error} at its opening quote. */
    static List<CliToken> tokenize(String src) throws CliError {
        List<CliToken> out = new ArrayList<>();
        int line = 1;
        int lineStart = 0;
        int i = 0;
        boolean glued = false;
        while (i < src.length()) {
            char c = src.charAt(i);
            int col = i - lineStart + 1;
            if (c == '\n') {
                out.add(new CliToken(Type.END, "\n", line, col, glued));
                line++;
                lineStart = i + 1;
                i++;
                glued = false;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                i++;
                glued = false;
            } else if (c == '"') {
                StringBuilder sb = new StringBuilder();
                int j = i + 1;
                while (j < src.length() && src.charAt(j) != '"') {
                    char d = src.charAt(j);
                    if (d == '\n') {
                        break;
                    }
                    if (d == '\\' && j + 1 < src.length()) {
                        j++;
                        d = unescape(src.charAt(j));
                    }
                    sb.append(d);
                    j++;
                }
                if (j >= src.length() || src.charAt(j) != '"') {
                    throw new CliError("syntax error " + where(line, col));
                }
                out.add(new CliToken(Type.STRING, sb.toString(), line, col, glued));
                i = j + 1;
                glued = true;
            } else if ("[]();".indexOf(c) >= 0) {
                Type t = switch (c) {
                    case '[' -> Type.OPEN_BRACKET;
                    case ']' -> Type.CLOSE_BRACKET;
                    case '(' -> Type.OPEN_PAREN;
                    case ')' -> Type.CLOSE_PAREN;
                    default -> Type.END;
                };
                out.add(new CliToken(t, String.valueOf(c), line, col, glued));
                i++;
                glued = true;
            } else {
                int j = i;
                while (j < src.length() && " \t\r\n\"[]();".indexOf(src.charAt(j)) < 0) {
                    j++;
                }
                out.add(new CliToken(Type.WORD, src.substring(i, j), line, col, glued));
                i = j;
                glued = true;
            }
        }
        return out;
    }

    static String where(int line, int column) {
        return "(line " + line + " column " + column + ")";
    }

    private static char unescape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            default -> c;
        };
    }
}
