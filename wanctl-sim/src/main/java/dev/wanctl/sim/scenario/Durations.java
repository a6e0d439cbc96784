package dev.wanctl.sim.scenario;

import java.util.Locale;

/** Parses the durations people write in scenario files and on the command line: 500ms, 90s, 10m, 1h, 1.5h. */
public final class Durations {

    private static final java.util.regex.Pattern PART = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private Durations() {
    }

    /** Milliseconds for {@code text}: number-unit pairs such as {@code 1h30m} or {@code 4m30s}; a bare number is seconds. */
    public static long parseMillis(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (!s.isEmpty() && s.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
                return Math.round(Double.parseDouble(s) * 1000);
            }
            java.util.regex.Matcher m = PART.matcher(s);
            double total = 0;
            int end = 0;
            while (m.find() && m.start() == end) {
                double factor = switch (m.group(2)) {
                    case "ms" -> 1;
                    case "s" -> 1000;
                    case "m" -> 60_000;
                    default -> 3_600_000;
                };
                total += Double.parseDouble(m.group(1)) * factor;
                end = m.end();
            }
            if (end == 0 || end != s.length()) {
                throw new NumberFormatException();
            }
            return Math.round(total);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (examples: 500ms, 90s, 10m, 4m30s, 1h)");
        }
    }

    /** A short human form: 3600000 -> "1h", 90000 -> "90s", 250 -> "250ms". */
    public static String format(long ms) {
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        } else if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        } else if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
