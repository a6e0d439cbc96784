package dev.wanctl.routeros.ssh;

import java.util.Map;

/**
 * One item of a console {@code print detail} listing.
 *
 * @param flags the flag letters of the item's first line ({@code X} disabled, {@code I} invalid...)
 * @param comment the {@code ;;;} comment, or null
 * @param fields {@code key=value} pairs, keys matched whole, values unquoted and unescaped
 */
record CliItem(int number, String flags, String comment, Map<String, String> fields) {

    boolean disabled() {
        return flags.indexOf('X') >= 0;
    }
}
