package dev.wanctl.emulator.model;

/**
 * One configuration write the router accepted, kept so that tests and the simulator's scorecard
 * can see what a daemon wrote and when (every RouterOS {@code set} is a flash write, even when the
 * value did not change).
 *
 * @param atNanos the emulator clock's monotonic time of the write
 * @param wallMillis the emulator clock's wall time of the write
 * @param via the transport that carried the write
 * @param menu the menu path, e.g. {@code queue/tree} or {@code ip/firewall/mangle}
 * @param itemId the item's id at the time of the write
 * @param item the item's name, else its comment, else its id
 * @param property the property written, e.g. {@code max-limit} or {@code disabled}
 * @param oldValue the canonical (REST) value before, or null when it was absent
 * @param newValue the canonical value after, or null when the write removed it
 */
public record WriteRecord(
        long atNanos,
        long wallMillis,
        Transport via,
        String menu,
        String itemId,
        String item,
        String property,
        String oldValue,
        String newValue) {

    /** Whether the write changed the value (RouterOS writes it either way). */
    public boolean changed() {
        return oldValue == null ? newValue != null : !oldValue.equals(newValue);
    }

    /** Whether this is a queue-tree {@code max-limit} write. */
    public boolean isMaxLimit() {
        return "queue/tree".equals(menu) && "max-limit".equals(property);
    }

    /** Whether this is a mangle rule being enabled or disabled. */
    public boolean isRuleToggle() {
        return "ip/firewall/mangle".equals(menu) && "disabled".equals(property);
    }

    /** For {@code max-limit} writes: the old limit in bit/s (0 if absent). */
    public long oldBps() {
        return oldValue == null ? 0 : Long.parseLong(oldValue);
    }

    /** For {@code max-limit} writes: the new limit in bit/s. */
    public long newBps() {
        return newValue == null ? 0 : Long.parseLong(newValue);
    }
}
