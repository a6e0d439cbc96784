package dev.wanctl.routeros.ssh;

import dev.wanctl.routeros.RouterException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the item listings of {@code print detail}, {@code print stats detail} and {@code print
 * terse}, in the older and newer v7 layouts: a flag legend (lower- or upper-case) to skip, an item
 * number, flag letters, an optional {@code ;;;} comment on the first line or its own line, and
 * {@code key=value} pairs wrapped onto indented continuation lines. Keys are read as whole tokens,
 * so {@code packets} is never taken from {@code queued-packets}.
 */
final class CliListing {

    private static final Pattern ITEM_START = Pattern.compile("^\\s*(\\d+)(?=\\s|$)(.*)$");
    private static final Pattern FLAG_TOKEN = Pattern.compile("[A-Z*]+");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");

    private CliListing() {}

    static List<CliItem> parse(String output) throws RouterException {
        List<CliItem> items = new ArrayList<>();
        Builder current = null;
        for (String line : output.split("\r?\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || isLegend(trimmed)) {
                continue;
            }
            Matcher start = ITEM_START.matcher(line);
            if (start.matches()) {
                if (current != null) {
                    items.add(current.build());
                }
                current = new Builder(Integer.parseInt(start.group(1)));
                current.firstLine(start.group(2));
            } else if (current == null) {
                continue; // header text, such as the rest of a wrapped flag legend
            } else if (trimmed.startsWith(";;;")) {
                current.comment(trimmed.substring(3).strip());
            } else {
                current.fields.append(' ').append(trimmed);
            }
        }
        if (current != null) {
            items.add(current.build());
        }
        return items;
    }

    private static boolean isLegend(String trimmed) {
        String lower = trimmed.toLowerCase(Locale.ROOT);
        return lower.startsWith("flags:") || lower.startsWith("columns:");
    }

    private static final class Builder {
        final int number;
        final StringBuilder flags = new StringBuilder();
        final StringBuilder fields = new StringBuilder();
        String comment;

        Builder(int number) {
            this.number = number;
        }

        void firstLine(String rest) {
            String s = rest.strip();
            while (!s.isEmpty() && !s.startsWith(";;;")) {
                int end = s.indexOf(' ');
                String token = end < 0 ? s : s.substring(0, end);
                if (!FLAG_TOKEN.matcher(token).matches()) {
                    break;
                }
                flags.append(token);
                s = end < 0 ? "" : s.substring(end).strip();
            }
            if (s.startsWith(";;;")) {
                comment(s.substring(3).strip());
            } else {
                fields.append(s);
            }
        }

        void comment(String text) {
            comment = comment == null ? text : comment + "\n" + text;
        }

        CliItem build() throws RouterException {
            return new CliItem(number, flags.toString(), comment, pairs(fields.toString()));
        }
    }

    /** {@code key=value key="quoted value"} to an ordered map; anything else is a protocol error. */
    static Map<String, String> pairs(String text) throws RouterException {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        while (true) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return out;
            }
            Matcher key = KEY.matcher(text).region(i, n);
            if (!key.lookingAt() || key.end() >= n || text.charAt(key.end()) != '=') {
                throw RouterException.protocol("console output is not key=value pairs here", text.substring(i));
            }
            i = key.end() + 1;
            StringBuilder value = new StringBuilder();
            if (i < n && text.charAt(i) == '"') {
                i = unquote(text, i + 1, value);
            } else {
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    value.append(text.charAt(i++));
                }
            }
            out.put(key.group(), value.toString());
        }
    }

    /** Reads a quoted value starting after the opening quote; returns the index after the closing one. */
    private static int unquote(String text, int i, StringBuilder value) throws RouterException {
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i++);
            if (c == '"') {
                return i;
            }
            if (c != '\\' || i >= n) {
                value.append(c);
                continue;
            }
            char e = text.charAt(i++);
            if (isHex(e) && i < n && isHex(text.charAt(i))) {
                value.append((char) Integer.parseInt(text.substring(i - 1, i + 1), 16));
                i++;
            } else {
                value.append(switch (e) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    case '_' -> ' ';
                    default -> e;
                });
            }
        }
        throw RouterException.protocol("unterminated quoted value in console output", text);
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
    }
}
