package dev.wanctl.routeros;

/**
 * What every router backend offers whatever its roles: who it is (for logs, health and
 * {@code wanctl router check}) and how to let go of it. A backend plays one or both roles on top:
 * {@link Shaper} (what autorate needs) and {@link SteeringRouter} (what steering needs);
 * {@link RouterClient} is a RouterOS router, which plays both. Backends are made by
 * {@link dev.wanctl.routeros.backends.RouterBackends} from the {@code router:} section of a config.
 *
 * <p>Every call either returns or throws a {@link RouterException} within the configured timeout;
 * none retries on its own beyond that. Implementations are safe for use by several threads.
 */
public interface RouterBackend extends AutoCloseable {

    /** Reads version, board (or host), CPU load and uptime. */
    SystemInfo readSystem() throws RouterException;

    /** The backend currently carrying calls, for logs and health: {@code rest}, {@code ssh}, {@code linux-tc}. */
    String transport();

    /** Releases connections; never throws. */
    @Override
    void close();
}
