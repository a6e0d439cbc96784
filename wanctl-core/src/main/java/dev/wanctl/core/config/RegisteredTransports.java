package dev.wanctl.core.config;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The one {@link TransportCatalog} on the class path, loaded on first use. */
final class RegisteredTransports {

    private static final List<TransportKind> KINDS = load();

    private RegisteredTransports() {}

    private static List<TransportKind> load() {
        List<TransportCatalog> found = ServiceLoader.load(TransportCatalog.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        if (found.size() != 1) {
            throw new IllegalStateException("router.transport needs exactly one catalog of router backends on the"
                    + " class path (wanctl-routeros provides it), found " + found.size());
        }
        return List.copyOf(found.getFirst().kinds());
    }

    /** The registered backends, in registration order. */
    static List<TransportKind> kinds() {
        return KINDS;
    }

    /** The registered backend named {@code name}, or null. */
    static TransportKind kind(String name) {
        for (TransportKind k : KINDS) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        return null;
    }

    /** Every name: {@code router.transport}'s choices. */
    static String[] names() {
        return KINDS.stream().map(TransportKind::name).toArray(String[]::new);
    }

    /** {@code rest, ssh or api}: the backends that talk to a RouterOS router, for messages. */
    static String routerOsNames() {
        List<String> names = KINDS.stream().filter(TransportKind::routerOs).map(TransportKind::name).toList();
        return names.size() < 2 ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
    }

    /** {@code rest: REST API (recommended); ssh: ...}: {@code router.transport}'s documentation. */
    static String choicesDoc() {
        return KINDS.stream().map(k -> k.name() + ": " + k.doc()).collect(Collectors.joining("; "));
    }
}
