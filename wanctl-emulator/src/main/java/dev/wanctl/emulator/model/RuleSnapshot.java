package dev.wanctl.emulator.model;

import java.util.Map;

/**
 * A mangle rule as the emulated router holds it.
 *
 * @param disabled whether the rule is disabled (an absent {@code disabled} property counts as false)
 * @param properties the rule exactly as REST would return it, so tests can see absent properties
 */
public record RuleSnapshot(String id, String comment, String chain, String action, boolean disabled,
        Map<String, String> properties) {}
