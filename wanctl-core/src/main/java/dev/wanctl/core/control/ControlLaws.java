package dev.wanctl.core.control;

import java.util.List;

/**
 * The control laws by their {@code continuous_monitoring.law} name. A new law is one class behind
 * {@link ControlLaw}, one line here, and its config keys.
 */
public final class ControlLaws {

    /** The reference implementation's law, and the default. */
    public static final String REFERENCE = "reference";
    /** {@link AdaptiveLaw}. */
    public static final String ADAPTIVE = "adaptive";

    private ControlLaws() {}

    /** The names a config may give, the default first. */
    public static List<String> names() {
        return List.of(REFERENCE, ADAPTIVE);
    }

    /** The law {@code params} name, at its starting rates. */
    public static ControlLaw create(ControllerParams params) {
        return params.adaptiveLaw() ? new AdaptiveControlLaw(params) : new ReferenceLaw(params);
    }
}
