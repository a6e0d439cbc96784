package dev.wanctl.core.config;

import java.util.List;

/**
 * The router backends {@code router.transport} may name. Core cannot see them (they live in
 * wanctl-routeros, which depends on core), so the module that registers them provides this
 * through {@link java.util.ServiceLoader}; the config's choices, their docs and the summary
 * follow from it.
 */
public interface TransportCatalog {

    /** The registered backends, in the order {@code router.transport}'s choices list them. */
    List<? extends TransportKind> kinds();
}
