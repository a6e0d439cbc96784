package dev.wanctl.emulator.model;

import java.util.List;
import java.util.Map;

/**
 * The starting configuration of an emulated router, as read by {@link FixtureLoader}. Item maps
 * use RouterOS property names and values exactly as the CLI or REST would accept them
 * ({@code max-limit: 940M}, {@code disabled: yes}); they are validated like REST {@code PUT}s.
 *
 * @param system {@code /system/resource} and identity values: {@code identity}, {@code version},
 *     {@code board-name}, {@code cpu-load}, ... (missing keys get RB5009-like defaults)
 * @param interfaces interface names that queue parents and mangle interface matchers may name
 * @param routingTables routing tables that {@code new-routing-mark} may name
 */
public record Fixture(
        Map<String, String> system,
        List<User> users,
        List<String> interfaces,
        List<String> routingTables,
        List<Map<String, String>> queueTypes,
        List<Map<String, String>> queueTree,
        List<Map<String, String>> queueSimple,
        List<Map<String, String>> mangle) {

    /**
     * A router user.
     *
     * @param sshKeys authorized public keys in OpenSSH form ({@code ssh-ed25519 AAAA... comment})
     */
    public record User(String name, String password, String group, List<String> sshKeys) {
        public User {
            sshKeys = List.copyOf(sshKeys);
        }
    }

    public Fixture {
        system = Map.copyOf(system);
        users = List.copyOf(users);
        interfaces = List.copyOf(interfaces);
        routingTables = List.copyOf(routingTables);
        queueTypes = List.copyOf(queueTypes);
        queueTree = List.copyOf(queueTree);
        queueSimple = List.copyOf(queueSimple);
        mangle = List.copyOf(mangle);
    }
}
