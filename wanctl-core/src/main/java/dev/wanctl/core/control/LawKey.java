package dev.wanctl.core.control;

import java.util.Objects;

/**
 * One numeric key of a law's config section ({@code continuous_monitoring.<law>.<name>}): the
 * config's schema, its check and docs/CONFIGURATION.md are made from it, so a law declares its keys
 * here and nowhere else.
 *
 * @param name the key's name inside the law's section
 * @param min lowest value accepted
 * @param max highest value accepted
 * @param defaultValue the value when the key is absent
 * @param unit the unit shown in the docs ({@code ms}, {@code s}), empty for a plain number
 * @param doc one line for docs/CONFIGURATION.md
 */
public record LawKey(String name, double min, double max, double defaultValue, String unit, String doc) {

    public LawKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(doc, "doc");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("law key name must be lower_snake_case, got '" + name + "'");
        }
        if (!(min <= defaultValue && defaultValue <= max)) {
            throw new IllegalArgumentException(name + ": default " + defaultValue + " outside [" + min + ", " + max
                    + "]");
        }
    }
}
