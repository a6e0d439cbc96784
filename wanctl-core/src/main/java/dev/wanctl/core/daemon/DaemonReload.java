package dev.wanctl.core.daemon;

import dev.wanctl.core.config.ConfigProblem;
import dev.wanctl.core.config.Loaded;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What SIGHUP does: read the config file again and run on it from the next cycle, or refuse (and
 * say why) when it is invalid, changes what only a restart may change, or cannot be wired; the
 * daemon then keeps running on the old one. Public: both daemons reload through it, so they
 * refuse and report alike.
 *
 * @param <C> the config type
 */
public final class DaemonReload<C> {

    private static final Logger LOG = LoggerFactory.getLogger(DaemonReload.class);

    private final String wan;
    private final Path file;
    private final Function<Path, Loaded<C>> loader;
    private final Map<String, Function<C, ?>> fixed = new LinkedHashMap<>();
    private final Map<String, Function<C, ?>> atRestart = new LinkedHashMap<>();
    private Function<C, List<String>> notes = c -> List.of();

    /**
     * @param wan the running daemon's name, the prefix of every line
     * @param loader reads and validates the file
     */
    public DaemonReload(String wan, Path file, Function<Path, Loaded<C>> loader) {
        this.wan = wan;
        this.file = file;
        this.loader = loader;
    }

    /** A setting that cannot change while running: a config that changes it is refused. */
    public DaemonReload<C> fixed(String key, Function<C, ?> value) {
        fixed.put(key, value);
        return this;
    }

    /** A setting whose change is accepted but applies only at the next restart (said in the log). */
    public DaemonReload<C> atRestart(String key, Function<C, ?> value) {
        atRestart.put(key, value);
        return this;
    }

    /** Lines that explain the new config (derived counts, translated alphas), logged after a reload. */
    public DaemonReload<C> notes(Function<C, List<String>> n) {
        notes = n;
        return this;
    }

    /**
     * Reads the file; returns the session {@code build} makes from the new config, or
     * {@code current} when the reload is refused.
     */
    public <S> S reload(C running, S current, Function<C, S> build) {
        Loaded<C> loaded = loader.apply(file);
        if (!loaded.ok()) {
            LOG.error("{}: reload refused, {} is invalid; keeping the running config:", wan, file);
            loaded.errors().forEach(p -> LOG.error("{}:   {}", wan, p));
            return current;
        }
        C c = loaded.config();
        for (ConfigProblem p : loaded.warnings()) {
            LOG.warn("{}: config warning: {}", wan, p);
        }
        if (fixed.values().stream().anyMatch(v -> !Objects.equals(v.apply(c), v.apply(running)))) {
            LOG.error("{}: reload refused: {} cannot change while running; restart the unit", wan, names(fixed));
            return current;
        }
        List<String> later = new ArrayList<>();
        atRestart.forEach((key, v) -> {
            if (!Objects.equals(v.apply(c), v.apply(running))) {
                later.add(key);
            }
        });
        if (!later.isEmpty()) {
            LOG.warn("{}: {} changes apply at the next restart", wan, String.join(" and ", later));
        }
        try {
            S next = build.apply(c);
            LOG.info("{}: reloaded {}", wan, file);
            notes.apply(c).forEach(n -> LOG.info("{}: {}", wan, n));
            return next;
        } catch (RuntimeException e) {
            LOG.error("{}: reload failed ({}); keeping the running config", wan, e.toString());
            return current;
        }
    }

    private static String names(Map<String, ?> keys) {
        List<String> k = new ArrayList<>(keys.keySet());
        if (k.size() <= 1) {
            return String.join("", k);
        }
        return String.join(", ", k.subList(0, k.size() - 1)) + " and " + k.getLast();
    }
}
