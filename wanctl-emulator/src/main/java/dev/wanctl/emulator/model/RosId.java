package dev.wanctl.emulator.model;

import java.util.Locale;

/** RouterOS item ids: {@code *} followed by upper-case hex ({@code *0}, {@code *1A}, {@code *1000000}). */
public final class RosId {

    private RosId() {}

    static String format(long id) {
        return "*" + Long.toHexString(id).toUpperCase(Locale.ROOT);
    }

    /** Whether {@code text} is written like an id, whether or not such an item exists. */
    public static boolean looksLikeId(String text) {
        return parse(text) >= 0;
    }

    /** The id's number, or -1 when {@code text} is not an id. */
    public static long parse(String text) {
        if (text == null || text.length() < 2 || text.length() > 17 || text.charAt(0) != '*') {
            return -1;
        }
        long v = 0;
        for (int i = 1; i < text.length(); i++) {
            int d = Character.digit(text.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            v = (v << 4) | d;
        }
        return v;
    }
}
