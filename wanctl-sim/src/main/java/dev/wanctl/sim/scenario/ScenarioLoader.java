package dev.wanctl.sim.scenario;

import dev.wanctl.sim.link.CapacitySpec;
import dev.wanctl.sim.link.Direction;
import dev.wanctl.sim.link.Flow;
import dev.wanctl.sim.link.ReflectorSpec;
import dev.wanctl.sim.link.SenderSetup;
import dev.wanctl.sim.link.ShaperQueue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads scenario files (YAML; the format is documented in docs/PERFORMANCE.md and shown by the
 * bundled scenarios). A bundled scenario is found by name, anything else is a path; relative trace
 * and CSV paths in a file are resolved against the file's directory.
 */
public final class ScenarioLoader {

    private static final String BUNDLED_DIR = "/dev/wanctl/sim/scenario/scenarios/";
    private static final List<String> BUNDLED = List.of(
            "cable-prime-time", "dsl-stable", "dsl-retrain", "lte-driving", "lte-short",
            "starlink-15s", "idle-then-burst", "reflector-failure", "router-outage", "fibre-route-change");
    /** What a scenario names as its config when it names none (baselines only). */
    static final String NO_CONFIG = "(none)";
    /** Bundled but not part of the scorecards: the one-minute show of {@code wanctl demo}. */
    public static final String DEMO = "demo";

    private ScenarioLoader() {
    }

    /** Names of the scenarios shipped with the simulator, in the order reports list them. */
    public static List<String> bundledNames() {
        return BUNDLED;
    }

    /** A bundled scenario by name, else a scenario file by path. */
    public static Scenario load(String nameOrPath) {
        if (BUNDLED.contains(nameOrPath) || DEMO.equals(nameOrPath)) {
            try (InputStream in = ScenarioLoader.class.getResourceAsStream(BUNDLED_DIR + nameOrPath + ".yaml")) {
                if (in == null) {
                    throw new IllegalStateException("bundled scenario resource missing: " + nameOrPath);
                }
                return parse(nameOrPath, new String(in.readAllBytes(), StandardCharsets.UTF_8), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path file = Path.of(nameOrPath);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("scenario '" + nameOrPath + "' is neither a bundled scenario "
                    + BUNDLED + " nor a readable file");
        }
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8), file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses scenario text.
     *
     * @param source where the text came from, for messages
     * @param baseDir directory that relative file names are resolved against (null: the working directory)
     */
    public static Scenario parse(String source, String yaml, Path baseDir) {
        Object loaded;
        try {
            loaded = new Load(LoadSettings.builder().setLabel(source).build()).loadFromString(yaml);
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        YamlSection root = YamlSection.root(source, loaded).only("name", "description", "config", "duration",
                "seed", "interval", "download", "upload", "reflectors", "path", "traffic", "events",
                "senders", "steering");
        long duration = root.millis("duration");
        List<ReflectorSpec> reflectors = reflectors(root);
        String config = configPath(root.string("config", NO_CONFIG), baseDir);
        ConfigBounds bounds = bounds(root, source, config);
        long pathEvery = 0;
        double pathMax = 0;
        if (root.has("path")) {
            YamlSection p = root.section("path").only("step_every", "max_step_ms");
            pathEvery = p.millis("step_every", 0);
            pathMax = p.number("max_step_ms", 0);
        }
        try {
            return new Scenario(
                    root.string("name"),
                    root.string("description", "").strip(),
                    config,
                    duration,
                    (long) root.number("seed", 1),
                    (int) root.millis("interval", 50),
                    bounds == null ? null : bounds.thresholds(),
                    direction(root.section("download"), baseDir, bounds, Direction.DOWNLOAD),
                    direction(root.section("upload"), baseDir, bounds, Direction.UPLOAD),
                    reflectors,
                    pathEvery,
                    pathMax,
                    traffic(root, duration),
                    events(root, reflectors),
                    senders(root, reflectors),
                    steering(root, config));
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(source + ":")) {
                throw e;
            }
            throw root.wrap(e);
        }
    }

    /** The steering config that runs beside the daemon, checked now; null when the scenario names none. */
    private static String steering(YamlSection root, String config) {
        if (!root.has("steering")) {
            return null;
        }
        String name = root.string("steering");
        if (config.equals(NO_CONFIG)) {
            throw root.problem("steering", "needs the autorate config it steers for (config: ...)");
        }
        try {
            ScenarioConfigs.steering(name);
        } catch (IllegalArgumentException e) {
            throw root.wrap(e);
        }
        return name;
    }

    private static SenderSetup senders(YamlSection root, List<ReflectorSpec> reflectors) {
        double meanBase = reflectors.stream().mapToDouble(ReflectorSpec::baseMs).average().orElse(20);
        if (!root.has("senders")) {
            return new SenderSetup(Math.max(1, meanBase), SenderSetup.DEFAULT_RWND_BYTES, SenderSetup.DEFAULT_ACK_FRACTION);
        }
        YamlSection t = root.section("senders").only("rtt_ms", "rwnd_kb", "ack_fraction", "cc", "start_delay_ms");
        try {
            return new SenderSetup(t.number("rtt_ms", Math.max(1, meanBase)),
                    t.number("rwnd_kb", SenderSetup.DEFAULT_RWND_BYTES / 1024) * 1024,
                    t.number("ack_fraction", SenderSetup.DEFAULT_ACK_FRACTION),
                    SenderSetup.Congestion.of(t.string("cc", SenderSetup.Congestion.CUBIC.key())),
                    Math.round(t.number("start_delay_ms", 0)));
        } catch (IllegalArgumentException e) {
            throw t.wrap(e);
        }
    }

    private static ShaperQueue.Setup shaper(YamlSection s) {
        if (!s.has("shaper")) {
            return ShaperQueue.Setup.CAKE;
        }
        YamlSection q = s.section("shaper").only("discipline", "fifo_ms");
        String name = q.string("discipline", "cake");
        if (name.equals("cake")) {
            return ShaperQueue.Setup.CAKE;
        }
        if (!name.equals("fifo")) {
            throw q.problem("discipline", "'" + name + "'; allowed: cake, fifo");
        }
        double fifoMs = q.number("fifo_ms");
        try {
            return new ShaperQueue.Setup(ShaperQueue.Discipline.FIFO, fifoMs);
        } catch (IllegalArgumentException e) {
            throw q.wrap(e);
        }
    }

    private static DirectionSetup direction(YamlSection s, Path baseDir, ConfigBounds bounds, Direction d) {
        if (bounds != null) {
            // one source of truth: the controller's rate bounds are the config's
            for (String key : List.of("ceiling_mbps", "floor_mbps")) {
                if (s.has(key)) {
                    throw s.problem(key, "comes from the config the scenario names (" + bounds.source()
                            + "); remove it here");
                }
            }
            s.only("fifo_ms", "capacity", "shaper", "base_mbps");
        } else {
            s.only("ceiling_mbps", "floor_mbps", "fifo_ms", "capacity", "shaper", "base_mbps");
        }
        CapacitySpec capacity = capacity(s.section("capacity"), baseDir);
        ShaperQueue.Setup shaper = shaper(s);
        try {
            return new DirectionSetup(
                    bounds != null ? bounds.ceilingBps(d) : Math.round(s.number("ceiling_mbps") * 1e6),
                    bounds != null ? bounds.floorBps(d) : Math.round(s.number("floor_mbps") * 1e6),
                    Math.round(s.number("base_mbps", 0) * 1e6),
                    capacity,
                    s.number("fifo_ms", 250),
                    shaper);
        } catch (IllegalArgumentException e) {
            throw s.wrap(e);
        }
    }

    /**
     * The config path as the scenario names it, or beside the scenario file when it is not found
     * from the working directory (and is no bundled config).
     */
    private static String configPath(String config, Path baseDir) {
        if (config.equals(NO_CONFIG) || baseDir == null || Files.isRegularFile(Path.of(config))) {
            return config;
        }
        Path beside = baseDir.resolve(config);
        return Files.isRegularFile(beside) ? beside.toString() : config;
    }

    /** The rate bounds and thresholds of the config the scenario names; null when it names none. */
    private static ConfigBounds bounds(YamlSection root, String source, String config) {
        if (root.has("thresholds")) {
            throw root.problem("thresholds", "come from the config the scenario names (config: ...); remove them here");
        }
        if (config.equals(NO_CONFIG)) {
            return null;
        }
        try {
            return ConfigBounds.of(config, ScenarioConfigs.autorate(source, config));
        } catch (IllegalArgumentException e) {
            throw root.wrap(e);
        }
    }

    private static CapacitySpec capacity(YamlSection c, Path baseDir) {
        try {
            if (c.has("trace")) {
                c.only("trace", "scale");
                String trace = c.string("trace");
                if (!dev.wanctl.sim.link.MahimahiTrace.bundledNames().contains(trace)) {
                    trace = resolve(baseDir, trace);
                }
                CapacitySpec.Trace spec = new CapacitySpec.Trace(trace, c.number("scale", 1.0));
                spec.describe(); // loads it now, so a bad trace is reported with this path
                return spec;
            }
            if (c.has("csv")) {
                c.only("csv");
                return new CapacitySpec.Csv(Path.of(resolve(baseDir, c.string("csv"))));
            }
            String generator = c.string("generator");
            return switch (generator) {
                case "constant" -> {
                    c.only("generator", "mbps", "jitter");
                    yield new CapacitySpec.Constant(c.number("mbps"), c.number("jitter", 0));
                }
                case "cable-prime-time" -> {
                    c.only("generator", "nominal_mbps", "evening_depth", "dip_every", "jitter");
                    yield new CapacitySpec.CablePrimeTime(c.number("nominal_mbps"), c.number("evening_depth", 0.35),
                            c.millis("dip_every", 180_000) / 1000.0, c.number("jitter", 0.1));
                }
                case "dsl" -> {
                    c.only("generator", "nominal_mbps", "jitter");
                    yield CapacitySpec.Dsl.stable(c.number("nominal_mbps"), c.number("jitter", 0.01));
                }
                case "dsl-retrain" -> {
                    c.only("generator", "nominal_mbps", "jitter", "retrain_at", "retrain_fraction", "retrain_for", "outage");
                    yield new CapacitySpec.Dsl(c.number("nominal_mbps"), c.number("jitter", 0.01),
                            c.millis("retrain_at") / 1000.0, c.number("retrain_fraction", 0.6),
                            c.millis("retrain_for", 300_000) / 1000.0, c.millis("outage", 0) / 1000.0);
                }
                case "dips" -> {
                    c.only("generator", "nominal_mbps", "jitter", "dips");
                    List<CapacitySpec.Dip> dips = new ArrayList<>();
                    for (YamlSection d : c.list("dips")) {
                        d.only("at", "for", "fraction");
                        try {
                            dips.add(new CapacitySpec.Dip(d.millis("at"), d.millis("for"), d.number("fraction")));
                        } catch (IllegalArgumentException e) {
                            throw d.wrap(e);
                        }
                    }
                    yield new CapacitySpec.Dips(c.number("nominal_mbps"), c.number("jitter", 0.01), dips);
                }
                case "starlink" -> {
                    c.only("generator", "nominal_mbps", "min_fraction", "period", "handover_dip_ms", "jitter");
                    yield new CapacitySpec.Starlink(c.number("nominal_mbps"), c.number("min_fraction", 0.4),
                            c.millis("period", 15_000) / 1000.0, c.number("handover_dip_ms", 200), c.number("jitter", 0.2));
                }
                default -> throw c.problem("generator", "unknown generator '" + generator
                        + "'; allowed: constant, cable-prime-time, dips, dsl, dsl-retrain, starlink "
                        + "(or use 'trace:' or 'csv:' instead of 'generator:')");
            };
        } catch (IllegalArgumentException | UncheckedIOException e) {
            if (e.getMessage() != null && e.getMessage().contains(": capacity")) {
                throw e;
            }
            throw c.wrap(new IllegalArgumentException(e.getMessage(), e));
        }
    }

    private static String resolve(Path baseDir, String file) {
        Path p = Path.of(file);
        return (baseDir == null || p.isAbsolute()) ? file : baseDir.resolve(p).toString();
    }

    private static List<ReflectorSpec> reflectors(YamlSection root) {
        List<ReflectorSpec> out = new ArrayList<>();
        for (YamlSection r : root.list("reflectors")) {
            r.only("name", "base_ms", "jitter_ms", "loss", "outlier_rate", "outlier_ms", "interval");
            try {
                out.add(new ReflectorSpec(r.string("name"), r.number("base_ms"), r.number("jitter_ms", 0),
                        r.number("loss", 0), r.number("outlier_rate", 0), r.number("outlier_ms", 0),
                        (int) r.millis("interval", 50)));
            } catch (IllegalArgumentException e) {
                throw r.wrap(e);
            }
        }
        if (out.isEmpty()) {
            throw root.problem("reflectors", "required: a list of reflectors, e.g. '- {name: 1.1.1.1, base_ms: 12}'");
        }
        return out;
    }

    private static List<Flow> traffic(YamlSection root, long durationMs) {
        List<Flow> out = new ArrayList<>();
        for (YamlSection t : root.list("traffic")) {
            t.only("kind", "at", "for", "direction", "rate_mbps", "on", "off", "flows");
            String kindName = t.string("kind");
            Flow.Kind kind;
            try {
                kind = Flow.Kind.valueOf(kindName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw t.problem("kind", "unknown traffic kind '" + kindName + "'; allowed: idle, bulk, burst, web, rate");
            }
            long at = t.millis("at", 0);
            long forMs = t.millis("for", durationMs - at);
            double defaultRate = kind == Flow.Kind.IDLE ? 0.1 : 0;
            long defaultOn = kind == Flow.Kind.WEB ? 1_500 : 5_000;
            long defaultOff = kind == Flow.Kind.WEB ? 6_000 : 25_000;
            try {
                out.add(new Flow(kind, at, forMs, directions(t), t.number("rate_mbps", defaultRate),
                        t.millis("on", defaultOn), t.millis("off", defaultOff),
                        (int) t.number("flows", SenderSetup.DEFAULT_FLOWS)));
            } catch (IllegalArgumentException e) {
                throw t.wrap(e);
            }
        }
        return out;
    }

    private static Set<Direction> directions(YamlSection t) {
        String d = t.string("direction", "both");
        return switch (d) {
            case "down", "download" -> EnumSet.of(Direction.DOWNLOAD);
            case "up", "upload" -> EnumSet.of(Direction.UPLOAD);
            case "both" -> EnumSet.allOf(Direction.class);
            default -> throw t.problem("direction", "'" + d + "'; allowed: down, up, both");
        };
    }

    private static List<ScenarioEvent> events(YamlSection root, List<ReflectorSpec> reflectors) {
        List<ScenarioEvent> out = new ArrayList<>();
        for (YamlSection e : root.list("events")) {
            e.only("kind", "at", "for", "reflector", "shift_ms");
            String kindName = e.string("kind");
            ScenarioEvent.Kind kind = null;
            for (ScenarioEvent.Kind k : ScenarioEvent.Kind.values()) {
                if (k.key().equals(kindName)) {
                    kind = k;
                }
            }
            if (kind == null) {
                throw e.problem("kind", "unknown event '" + kindName + "'; allowed: reflector-down, router-outage, rtt-shift");
            }
            int reflector = -1;
            if (kind == ScenarioEvent.Kind.REFLECTOR_DOWN) {
                String name = e.string("reflector", "all");
                if (!name.equals("all")) {
                    reflector = reflectors.stream().map(ReflectorSpec::name).toList().indexOf(name);
                    if (reflector < 0) {
                        throw e.problem("reflector", "no reflector named '" + name + "'; name one of "
                                + reflectors.stream().map(ReflectorSpec::name).toList() + " or 'all'");
                    }
                }
            }
            try {
                out.add(new ScenarioEvent(kind, e.millis("at"), e.millis("for"), reflector, e.number("shift_ms", 0)));
            } catch (IllegalArgumentException ex) {
                throw e.wrap(ex);
            }
        }
        return out;
    }
}
