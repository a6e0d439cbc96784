package dev.wanctl.emulator.model;

/**
 * Bandwidth values as RouterOS writes and reads them: input is plain bit/s or a decimal-SI suffix
 * ({@code 940M}, {@code 512k}, {@code 1G}, {@code 1.5M}); REST returns plain integers and the CLI
 * the humanised form ({@code 940M}).
 */
final class Bandwidth {

    private Bandwidth() {}

    /** Bit/s from {@code text}, or -1 when it is not a bandwidth. */
    static long parse(String text) {
        if (text == null || text.isEmpty()) {
            return -1;
        }
        long multiplier = 1;
        String digits = text;
        char last = text.charAt(text.length() - 1);
        switch (last) {
            case 'k', 'K' -> multiplier = 1_000L;
            case 'M' -> multiplier = 1_000_000L;
            case 'G' -> multiplier = 1_000_000_000L;
            case 'T' -> multiplier = 1_000_000_000_000L;
            default -> { }
        }
        if (multiplier != 1) {
            digits = text.substring(0, text.length() - 1);
        }
        if (digits.isEmpty() || !digits.matches("\\d+(\\.\\d+)?")) {
            return -1;
        }
        try {
            return new java.math.BigDecimal(digits)
                    .multiply(java.math.BigDecimal.valueOf(multiplier))
                    .setScale(0, java.math.RoundingMode.DOWN)
                    .longValueExact();
        } catch (ArithmeticException tooBig) {
            return -1;
        }
    }

    /** {@code 940000000} as {@code 940M}; values that are no whole multiple stay plain. */
    static String humanise(long bps) {
        if (bps == 0) {
            return "0";
        }
        String[] suffixes = {"G", "M", "k"};
        long[] factors = {1_000_000_000L, 1_000_000L, 1_000L};
        for (int i = 0; i < factors.length; i++) {
            if (bps % factors[i] == 0) {
                return (bps / factors[i]) + suffixes[i];
            }
        }
        return Long.toString(bps);
    }
}
