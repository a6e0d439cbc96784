package dev.wanctl.routeros.api;

/**
 * The router's {@code !trap} for one command: its {@code =message=} and {@code =category=} (0 missing
 * item or command, 1 argument value, 2 interrupted, 3 scripting, 4 general, 5 API, 6 TTY, 7
 * {@code :return}; -1 when absent).
 */
public record ApiTrap(String message, int category) {

    /** Whether the trap says the item or command does not exist. */
    public boolean noSuchItem() {
        return category == 0 || message.contains("no such item") || message.contains("no such command");
    }

    static ApiTrap of(java.util.Map<String, String> attrs) {
        String m = attrs.getOrDefault("message", "");
        int c;
        try {
            c = Integer.parseInt(attrs.getOrDefault("category", "-1"));
        } catch (NumberFormatException e) {
            c = -1;
        }
        return new ApiTrap(m, c);
    }
}
