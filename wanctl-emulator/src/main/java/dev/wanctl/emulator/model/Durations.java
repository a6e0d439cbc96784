package dev.wanctl.emulator.model;

/** RouterOS durations: {@code 0s}, {@code 100ms}, {@code 24m26s}, {@code 2d20h12m20s}, {@code 1w2d}. */
final class Durations {

    private static final String[] UNITS = {"w", "d", "h", "m", "s", "ms", "us"};
    private static final long[] NANOS = {
        604_800_000_000_000L, 86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L,
        1_000_000L, 1_000L
    };

    private Durations() {}

    /** Nanoseconds from {@code 1m30s}, {@code 100ms}, {@code 00:01:30} or a bare number of seconds; -1 if invalid. */
    static long parseNanos(String text) {
        if (text == null || text.isEmpty()) {
            return -1;
        }
        if (text.matches("\\d+")) {
            return Long.parseLong(text) * 1_000_000_000L;
        }
        if (text.matches("\\d+:\\d{1,2}:\\d{1,2}")) {
            String[] p = text.split(":");
            return ((Long.parseLong(p[0]) * 60 + Long.parseLong(p[1])) * 60 + Long.parseLong(p[2])) * 1_000_000_000L;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(ms|us|w|d|h|m|s)").matcher(text);
        long total = 0;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            for (int i = 0; i < UNITS.length; i++) {
                if (UNITS[i].equals(m.group(2))) {
                    total += n * NANOS[i];
                }
            }
            end = m.end();
        }
        return end == text.length() ? total : -1;
    }

    /** The compact form RouterOS prints: {@code 0s}, {@code 100ms}, {@code 1w2d3h4m5s}. */
    static String format(long nanos) {
        if (nanos <= 0) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        long rest = nanos;
        for (int i = 0; i < UNITS.length; i++) {
            long n = rest / NANOS[i];
            if (n > 0) {
                sb.append(n).append(UNITS[i]);
                rest -= n * NANOS[i];
            }
        }
        return sb.isEmpty() ? "0s" : sb.toString();
    }
}
