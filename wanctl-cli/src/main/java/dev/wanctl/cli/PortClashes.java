package dev.wanctl.cli;

import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.config.ConfigLoader;
import dev.wanctl.core.config.EndpointConfig;
import dev.wanctl.core.config.Endpoints;
import dev.wanctl.core.config.SteeringConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Two configs of one host whose daemons would listen on the same port (check-config over several files). */
final class PortClashes {

    /** One socket a config's daemon listens on; {@code line} 0 when the port is the default. */
    record Listener(Path file, String key, String host, int port, int line) {

        String where() {
            return key + " " + port + " in " + file + (line > 0 ? " line " + line : " (not set: the default)");
        }
    }

    private PortClashes() {}

    /** The sockets of a valid config (its YAML text gives the lines). */
    static List<Listener> listeners(Path file, String yaml, Object config) {
        EndpointConfig health;
        EndpointConfig metrics;
        if (config instanceof AutorateConfig a) {
            health = a.health();
            metrics = a.metrics();
        } else if (config instanceof SteeringConfig s) {
            health = s.health();
            metrics = s.metrics();
        } else {
            return List.of();
        }
        List<Listener> out = new ArrayList<>();
        add(out, file, yaml, "health_check.port", health);
        add(out, file, yaml, "metrics.port", metrics);
        return out;
    }

    private static void add(List<Listener> out, Path file, String yaml, String key, EndpointConfig e) {
        if (e.enabled()) {
            out.add(new Listener(file, key, e.host(), e.port(), ConfigLoader.lineOf(yaml, key)));
        }
    }

    /** One message per pair of listeners in different files that would collide. */
    static List<String> find(List<Listener> listeners) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < listeners.size(); i++) {
            for (int j = i + 1; j < listeners.size(); j++) {
                Listener a = listeners.get(i);
                Listener b = listeners.get(j);
                if (a.port() == b.port() && !a.file().equals(b.file()) && Endpoints.sameAddress(a.host(), b.host())) {
                    out.add("port clash: " + a.where() + " and " + b.where() + ": both daemons would listen on "
                            + b.host() + ":" + b.port() + " and the second would not start; set a free port in one of"
                            + " them");
                }
            }
        }
        return out;
    }
}
