package dev.wanctl.emulator.model;

import java.util.List;
import java.util.Set;

/**
 * What one RouterOS table menu looks like: its properties in REST order, statistics, CLI field
 * orders, flag columns and commands. Data only; {@link MenuSpecs} defines the emulated menus.
 *
 * @param path REST path below {@code /rest}, also the CLI path with {@code /} for spaces
 * @param stats read-only statistics appended after the properties, in REST order
 * @param cliOrder properties in {@code print detail} order ({@code comment}, {@code disabled} and
 *     read-only flags are shown otherwise)
 * @param cliStatsOrder fields of {@code print stats}
 * @param named whether items have a unique {@code name} usable in place of an id
 * @param firstId id given to the first item added
 * @param flagColumns the flag letters of list output, one inner list per column
 * @param commands command words valid in this menu
 * @param required properties {@code add} insists on
 * @param pairStats whether statistics are {@code upload/download} pairs (simple queues)
 */
public record MenuSpec(
        String path,
        List<Prop> props,
        List<String> stats,
        List<String> cliOrder,
        List<String> cliStatsOrder,
        boolean named,
        long firstId,
        List<List<Flag>> flagColumns,
        Set<String> commands,
        List<String> required,
        boolean pairStats) {

    /** A flag letter in list output and the boolean property that sets it. */
    public record Flag(char letter, String property, String word) {}

    public Prop prop(String name) {
        for (Prop p : props) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    public boolean isStat(String name) {
        return stats.contains(name);
    }
}
