package dev.wanctl.routeros;

import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.core.config.TransportKind;

/**
 * One kind of router backend, as {@link dev.wanctl.routeros.backends.RouterBackends} registers it:
 * its name in {@code router.transport} and how to make one from a config. Adding a backend is a
 * package of its own with one of these, plus one line in the registry. As a {@link TransportKind}
 * it also tells the config what its name is, what it is, and where it reaches the router: the
 * config's choices for {@code router.transport} are the registered backends.
 */
public interface BackendType extends TransportKind {

    /**
     * A backend for {@code config} (whose transport names this type); it connects on its first call.
     * A RouterOS backend returns a {@link RouterClient} (both roles); one that only shapes returns a
     * plain {@link Shaper}. Throws IllegalArgumentException when the config cannot work
     * (unreadable CA file or SSH key, a malformed pin, SSH without key or password).
     */
    Shaper open(RouterConfig config);
}
