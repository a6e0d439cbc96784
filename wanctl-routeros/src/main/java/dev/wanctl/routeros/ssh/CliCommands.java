package dev.wanctl.routeros.ssh;

/**
 * The RouterOS console commands the SSH transport sends, and nothing else. Names and comments are
 * always inside double quotes with {@code "}, {@code \}, {@code $} and {@code ?} escaped, and
 * control characters as {@code \HH}, so no name can end the string, expand a variable or start
 * another command.
 */
final class CliCommands {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private CliCommands() {}

    /** Prints 1 when the queue exists (0 when not): an empty {@code [find]} would be a silent no-op. */
    static String countQueues(String name) {
        return ":put [/queue tree print count-only where name=" + quote(name) + "]";
    }

    static String setMaxLimit(String name, long maxLimitBps) {
        return "/queue tree set [find name=" + quote(name) + "] max-limit=" + maxLimitBps;
    }

    static String queueDetail(String name) {
        return "/queue tree print detail where name=" + quote(name);
    }

    static String queueStats(String name) {
        return "/queue tree print stats detail where name=" + quote(name);
    }

    static String ruleDetail(String comment) {
        return "/ip firewall mangle print detail where comment=" + quote(comment);
    }

    static String countRules(String comment) {
        return ":put [/ip firewall mangle print count-only where comment=" + quote(comment) + "]";
    }

    static String setRuleEnabled(String comment, boolean enabled) {
        return "/ip firewall mangle " + (enabled ? "enable" : "disable") + " [find comment=" + quote(comment) + "]";
    }

    static String systemResource() {
        return "/system resource print";
    }

    /** {@code value} as a RouterOS double-quoted string literal. */
    static String quote(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"', '\\', '$', '?' -> sb.append('\\').append(c);
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append('\\').append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
