package dev.wanctl.routeros.backends;

import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.core.config.TransportCatalog;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.routeros.BackendType;
import dev.wanctl.routeros.RouterCheck;
import dev.wanctl.routeros.RouterClient;
import dev.wanctl.routeros.Shaper;
import dev.wanctl.routeros.api.ApiBackend;
import dev.wanctl.routeros.failover.FailoverBackend;
import dev.wanctl.routeros.linuxtc.LinuxTcBackend;
import dev.wanctl.routeros.rest.RestBackend;
import dev.wanctl.routeros.ssh.SshBackend;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of router backends: the one place that turns {@code router.transport} into a
 * backend, so that daemons and tools agree. Each backend lives in a package of its own with a
 * {@link BackendType}; this list is its one registration. The registry sits in a package of its own
 * because it names every backend package, and every backend uses the root package's roles: nothing
 * in a backend reaches back here (failover is handed {@link #router} to open its members).
 */
public final class RouterBackends {

    private static final Map<String, BackendType> TYPES = register(List.of(
            new RestBackend(),
            new SshBackend(),
            new FailoverBackend(RouterBackends::router),
            new ApiBackend(),
            new LinuxTcBackend()));

    private RouterBackends() {}

    /**
     * The registered backends as the config sees them ({@code router.transport}'s choices, in this
     * order), found by core through {@link java.util.ServiceLoader}
     * ({@code META-INF/services/dev.wanctl.core.config.TransportCatalog}).
     */
    public static final class Catalog implements TransportCatalog {

        /** Made by the ServiceLoader. */
        public Catalog() {}

        @Override
        public List<BackendType> kinds() {
            return List.copyOf(TYPES.values());
        }
    }

    private static Map<String, BackendType> register(List<BackendType> types) {
        Map<String, BackendType> m = new LinkedHashMap<>();
        for (BackendType t : types) {
            if (m.putIfAbsent(t.name(), t) != null) {
                throw new IllegalStateException("two router backends are named " + t.name());
            }
        }
        return java.util.Collections.unmodifiableMap(m); // in registration order
    }

    /** The registered backends' names. */
    public static List<String> names() {
        return TYPES.keySet().stream().sorted().toList();
    }

    /** The backend type of {@code config}; IllegalArgumentException when none is registered under its name. */
    public static BackendType type(RouterConfig config) {
        String name = config.transport().configName();
        BackendType t = TYPES.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no router backend is named " + name + " (known: " + names() + ")");
        }
        return t;
    }

    /** Autorate's role for {@code config}: whatever the backend, it shapes. */
    public static Shaper shaper(RouterConfig config) {
        return type(config).open(config);
    }

    /**
     * A RouterOS router for {@code config} (both roles, as steering and {@code wanctl router check}
     * of a steering config need); IllegalArgumentException when the backend only shapes.
     */
    public static RouterClient router(RouterConfig config) {
        Shaper s = shaper(config);
        if (s instanceof RouterClient c) {
            return c;
        }
        s.close();
        throw new IllegalArgumentException("the " + config.transport().configName() + " backend shapes only:"
                + " steering's mangle rule needs a RouterOS router (transport " + RouterConfig.Transport.routerOsNames()
                + ")");
    }

    /** {@code wanctl router check} as in production: the registered backends, the system clock. */
    public static RouterCheck check() {
        return new RouterCheck(RouterBackends::shaper, Clock.system());
    }
}
