package dev.wanctl.core.control;

import java.util.List;

/**
 * The control laws by their {@code continuous_monitoring.law} name. A new law is one class behind
 * {@link ControlLaw} with its {@link LawType} (name, keys, parameters, factory), and one line here.
 */
public final class ControlLaws {

    /** The reference implementation's law, and the default. */
    public static final String REFERENCE = "reference";
    /** {@link AdaptiveLaw}. */
    public static final String ADAPTIVE = "adaptive";

    /** Every law a config may name, the default first. */
    private static final List<LawType> TYPES = List.of(
            ReferenceLaw.TYPE,
            AdaptiveControlLaw.TYPE);

    private ControlLaws() {}

    /** The laws a config may name, the default first. */
    public static List<LawType> types() {
        return TYPES;
    }

    /** The names a config may give, the default first. */
    public static List<String> names() {
        String[] names = new String[TYPES.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = TYPES.get(i).name();
        }
        return List.of(names);
    }

    /** The law named {@code name}; the default when null. */
    public static LawType named(String name) {
        if (name == null) {
            return TYPES.getFirst();
        }
        for (LawType t : TYPES) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown control law '" + name + "'; known: " + names());
    }

    /** The law {@code params} name, at its starting rates. */
    public static ControlLaw create(ControllerParams params) {
        return params.law().type().create(params);
    }
}
