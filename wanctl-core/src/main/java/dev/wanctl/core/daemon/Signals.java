package dev.wanctl.core.daemon;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unix signal handlers through {@code sun.misc.Signal} (module {@code jdk.unsupported}, which the
 * runtime image must include). Public: daemons reload on SIGHUP, act on SIGUSR1 and stop
 * gracefully on SIGTERM/SIGINT through {@link GracefulShutdown}. When signals cannot be handled
 * (module missing, JVM started with {@code -Xrs}, signal reserved) the methods say so in a WARN
 * and return false, and the daemon runs on without that feature.
 *
 * <p>The API is reached reflectively: the build stays free of "internal proprietary API"
 * warnings, and a runtime image without {@code jdk.unsupported} degrades instead of failing.
 */
public final class Signals {

    private static final Logger LOG = LoggerFactory.getLogger(Signals.class);

    private Signals() {
    }

    /** Runs {@code handler} on each SIGHUP (reload the configuration). */
    public static boolean onHangup(Runnable handler) {
        return handle("HUP", handler, "reload on SIGHUP is unavailable; restart the service to reload");
    }

    /** Runs {@code handler} on each SIGUSR1. */
    public static boolean onUser1(Runnable handler) {
        return handle("USR1", handler, "SIGUSR1 is ignored");
    }

    /**
     * Runs {@code handler} on signal {@code name} ("TERM", "INT", ...) on a short-lived thread of
     * the JVM's; true when installed. {@code fallback} tells the user what happens otherwise.
     */
    static boolean handle(String name, Runnable handler, String fallback) {
        try {
            Class<?> signalType = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            Object signal = signalType.getConstructor(String.class).newInstance(name);
            Object proxy = Proxy.newProxyInstance(Signals.class.getClassLoader(), new Class<?>[] {handlerType},
                    (self, method, args) -> dispatch(name, handler, self, method, args));
            signalType.getMethod("handle", signalType, handlerType).invoke(null, signal, proxy);
            return true;
        } catch (InvocationTargetException e) {
            LOG.warn("cannot handle SIG{} ({}): {}", name, e.getCause().toString(), fallback);
            return false; // e.g. IllegalArgumentException: the JVM reserves it or runs with -Xrs
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.warn("cannot handle SIG{} ({}): {}", name, e.toString(), fallback);
            return false;
        }
    }

    private static Object dispatch(String name, Runnable handler, Object self, Method method, Object[] args) {
        return switch (method.getName()) {
            case "handle" -> {
                try {
                    handler.run();
                } catch (RuntimeException e) {
                    LOG.error("SIG{} handler failed", name, e);
                }
                yield null;
            }
            case "hashCode" -> System.identityHashCode(self);
            case "equals" -> self == args[0];
            default -> "SIG" + name + " handler";
        };
    }
}
