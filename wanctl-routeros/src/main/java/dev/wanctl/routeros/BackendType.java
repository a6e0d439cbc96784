package dev.wanctl.routeros;

import dev.wanctl.core.config.RouterConfig;

/**
 * One kind of router backend, as {@link dev.wanctl.routeros.backends.RouterBackends} registers it:
 * its name in {@code router.transport} and how to make one from a config. Adding a backend is a
 * package of its own with one of these, plus one line in the registry.
 */
public interface BackendType {

    /** The name in {@code router.transport}: {@code rest}, {@code linux-tc}. */
    String name();

    /**
     * A backend for {@code config} (whose transport names this type); it connects on its first call.
     * A RouterOS backend returns a {@link RouterClient} (both roles); one that only shapes returns a
     * plain {@link Shaper}. Throws IllegalArgumentException when the config cannot work
     * (unreadable CA file or SSH key, a malformed pin, SSH without key or password).
     */
    Shaper open(RouterConfig config);
}
