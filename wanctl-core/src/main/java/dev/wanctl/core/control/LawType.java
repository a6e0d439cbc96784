package dev.wanctl.core.control;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What makes a control law choosable by a config: its {@code continuous_monitoring.law} name, its
 * keys (under {@code continuous_monitoring.<name>}), how its parameters are read from them, and how
 * the law is made. Registered with one line in {@link ControlLaws}.
 *
 * @param name the {@code law:} value
 * @param doc a few words for the {@code law} key's docs ("reads what each direction delivers")
 * @param sectionDoc the docs line of its section; unused when it has no keys
 * @param keys its keys, in the order the docs list them
 * @param reader its parameters from its section
 * @param factory the law, from the parameters {@link #reader} gave (inside {@link ControllerParams})
 */
public record LawType(String name, String doc, String sectionDoc, List<LawKey> keys, Reader reader,
        Function<ControllerParams, ControlLaw> factory) {

    /** Reads a law's parameters. */
    @FunctionalInterface
    public interface Reader {
        /**
         * The law's parameters from {@code section}; null when they are invalid (every problem then
         * reported on {@code section}). {@code reference} holds the config's floors, ceilings and RTT
         * settings, as the reference law reads them.
         */
        LawParams read(LawSection section, ControllerParams reference);
    }

    public LawType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(doc, "doc");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(factory, "factory");
        keys = List.copyOf(keys);
        if (!keys.isEmpty()) {
            Objects.requireNonNull(sectionDoc, "sectionDoc");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (LawKey k : keys) {
            if (!seen.add(k.name())) {
                throw new IllegalArgumentException(name + ": two keys named " + k.name());
            }
        }
    }

    /** The law, made from {@code params} (whose {@link ControllerParams#law()} is this type's). */
    public ControlLaw create(ControllerParams params) {
        if (params.law().type() != this) {
            throw new IllegalArgumentException("the " + name + " law cannot run on the parameters of the "
                    + params.law().type().name() + " law");
        }
        return factory.apply(params);
    }
}
