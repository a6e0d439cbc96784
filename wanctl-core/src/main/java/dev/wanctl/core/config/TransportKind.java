package dev.wanctl.core.config;

/**
 * One router backend as a config sees it, so that core can check and describe
 * {@code router.transport} without knowing the backends: each backend (its {@code BackendType} in
 * wanctl-routeros) is one of these, and {@link TransportCatalog} lists them.
 */
public interface TransportKind {

    /** The name in {@code router.transport}: {@code rest}, {@code linux-tc}. */
    String name();

    /** What it is, in a few words, for {@code router.transport}'s documentation. */
    String doc();

    /** Whether it talks to a RouterOS router (then it plays steering's role too, and needs host and user). */
    boolean routerOs();

    /** Where {@code config} (whose transport is this one) reaches the router, as {@code check-config} shows it. */
    String where(RouterConfig config);
}
