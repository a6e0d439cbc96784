package dev.wanctl.routeros;

import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.config.ConfigLoader;
import dev.wanctl.core.config.Loaded;
import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.core.config.SteeringConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code wanctl router check} looks at for a daemon's config file: the router, the queues the
 * daemon will read or shape, and the steering rule it will toggle (null for autorate).
 */
public record RouterCheckTarget(RouterConfig router, List<String> queues, String ruleComment) {

    public RouterCheckTarget {
        queues = List.copyOf(queues);
    }

    /** The download and upload queues an autorate daemon shapes. */
    public static RouterCheckTarget of(AutorateConfig c) {
        return new RouterCheckTarget(c.router(), present(c.queues().download(), c.queues().upload()), null);
    }

    /** The primary WAN's queues a steering daemon reads, and its mangle rule. */
    public static RouterCheckTarget of(SteeringConfig c) {
        return new RouterCheckTarget(c.router(), present(c.primaryDownloadQueue(), c.primaryUploadQueue()),
                c.mangleComment());
    }

    /** Loads an autorate or steering config (detected from its keys) and takes its target. */
    public static Loaded<RouterCheckTarget> load(Path file, ConfigLoader.Options options) {
        boolean steering = ConfigLoader.read(file).flatMap(ConfigLoader::detectKind)
                .map(k -> k == ConfigLoader.Kind.STEERING).orElse(false);
        if (steering) {
            Loaded<SteeringConfig> l = ConfigLoader.loadSteering(file, options);
            return new Loaded<>(file, l.ok() ? of(l.config()) : null, l.errors(), l.warnings());
        }
        Loaded<AutorateConfig> l = ConfigLoader.loadAutorate(file, options);
        return new Loaded<>(file, l.ok() ? of(l.config()) : null, l.errors(), l.warnings());
    }

    private static List<String> present(String... names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (n != null && !n.isBlank()) {
                out.add(n);
            }
        }
        return out;
    }
}
