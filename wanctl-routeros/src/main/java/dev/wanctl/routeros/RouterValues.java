package dev.wanctl.routeros;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsers for the value formats RouterOS prints, shared by every transport because REST and the
 * CLI disagree on them: REST sends {@code "500000000"} and {@code "true"}, the CLI {@code 500M}
 * and {@code yes}. Every parser names the field in its error so a bad reply is easy to report.
 */
public final class RouterValues {

    private static final Pattern BANDWIDTH = Pattern.compile("(\\d+(?:\\.\\d+)?)([kKmMgG]?)(?:bps)?");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(w|d|h|ms|us|m|s)");
    private static final Pattern CLOCK = Pattern.compile("(\\d+):(\\d{2}):(\\d{2})");
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})%?");

    private RouterValues() {}

    /**
     * A bandwidth in bit/s from a plain integer ({@code 940000000}) or a decimal-SI suffixed value
     * ({@code 512k}, {@code 500M}, {@code 1.5G}); {@code 0} means unlimited.
     */
    public static long bandwidthBps(String field, String text) throws RouterException {
        String t = text == null ? "" : text.trim();
        if (!t.isEmpty() && t.length() <= 18 && allDigits(t)) { // the usual plain integer, read without the pattern
            return Long.parseLong(t);
        }
        Matcher m = BANDWIDTH.matcher(t);
        if (!m.matches()) {
            throw RouterException.protocol(field + " is not a bandwidth (bit/s, optionally k/M/G)", t);
        }
        BigDecimal value = new BigDecimal(m.group(1));
        int exponent = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 3;
            case "m" -> 6;
            case "g" -> 9;
            default -> 0;
        };
        try {
            return value.scaleByPowerOfTen(exponent).setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException e) {
            throw RouterException.protocol(field + " is out of range", t);
        }
    }

    private static boolean allDigits(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A non-negative integer counter ({@code bytes}, {@code packets}, ...). */
    public static long counter(String field, String text) throws RouterException {
        String t = text == null ? "" : text.trim();
        try {
            long v = Long.parseLong(t);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw RouterException.protocol(field + " is not a non-negative integer", t);
    }

    /** A boolean as REST ({@code true/false}) or the CLI ({@code yes/no}) prints it. */
    public static boolean bool(String field, String text) throws RouterException {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw RouterException.protocol(field + " is not a boolean (true/false, yes/no)", text);
        };
    }

    /** {@code cpu-load}: {@code 3} (REST) or {@code 3%} (CLI), 0 to 100. */
    public static int percent(String field, String text) throws RouterException {
        String t = text == null ? "" : text.trim();
        Matcher m = PERCENT.matcher(t);
        if (!m.matches() || Integer.parseInt(m.group(1)) > 100) {
            throw RouterException.protocol(field + " is not a percentage (0 to 100)", t);
        }
        return Integer.parseInt(m.group(1));
    }

    /**
     * A RouterOS duration: {@code 2d20h12m20s}, {@code 1w2d}, {@code 100ms}, {@code 453us}, or
     * with a clock part as older consoles print it: {@code 1w2d03:04:05}, {@code 1d 00:00:00}.
     */
    public static Duration duration(String field, String text) throws RouterException {
        String t = text == null ? "" : text.replace(" ", "");
        Duration total = Duration.ZERO;
        int pos = 0;
        Matcher part = DURATION_PART.matcher(t);
        while (pos < t.length() && part.find(pos) && part.start() == pos && !clockAt(t, pos)) {
            long n = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "w" -> Duration.ofDays(7 * n);
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                case "s" -> Duration.ofSeconds(n);
                case "ms" -> Duration.ofMillis(n);
                default -> Duration.ofNanos(n * 1000);
            });
            pos = part.end();
        }
        if (pos < t.length()) {
            Matcher clock = CLOCK.matcher(t).region(pos, t.length());
            if (!clock.matches()) {
                throw RouterException.protocol(field + " is not a RouterOS duration (like 2d20h12m20s)", text);
            }
            total = total.plusHours(Long.parseLong(clock.group(1)))
                    .plusMinutes(Long.parseLong(clock.group(2)))
                    .plusSeconds(Long.parseLong(clock.group(3)));
        } else if (t.isEmpty()) {
            throw RouterException.protocol(field + " is empty, expected a duration", text);
        }
        return total;
    }

    private static boolean clockAt(String t, int pos) {
        return CLOCK.matcher(t).region(pos, t.length()).matches();
    }
}
