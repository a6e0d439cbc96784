package dev.wanctl.emulator.cli;

/**
 * How the emulated console prints lists; RouterOS changed it within v7 (routeros-api.md §5.3), and
 * a client's parser must cope with the layout of the router it talks to.
 */
public enum CliLayout {
    /** Older v7: {@code Flags: X - disabled, I - invalid}; every print is {@code key=value} items. */
    OLD,
    /**
     * Newer v7: {@code Flags: X - DISABLED, I - INVALID}; a plain {@code print} of queues is a table
     * under a {@code Columns:} line ({@code detail}, {@code stats}, {@code terse} stay {@code key=value}).
     */
    NEW
}
