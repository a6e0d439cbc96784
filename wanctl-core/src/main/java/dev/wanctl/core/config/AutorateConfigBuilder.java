package dev.wanctl.core.config;

import static dev.wanctl.core.config.AutorateSchema.*;

import dev.wanctl.core.control.ControlLaws;
import dev.wanctl.core.control.ControllerParams;
import dev.wanctl.core.control.DownloadParams;
import dev.wanctl.core.control.FallbackPolicy;
import dev.wanctl.core.control.Hysteresis;
import dev.wanctl.core.control.LawKey;
import dev.wanctl.core.control.LawParams;
import dev.wanctl.core.control.LawSection;
import dev.wanctl.core.control.LawType;
import dev.wanctl.core.control.RttTrackerParams;
import dev.wanctl.core.control.Thresholds;
import dev.wanctl.core.control.UploadParams;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds an {@link AutorateConfig} from a parsed file, adding every problem it finds. */
final class AutorateConfigBuilder {

    private final ConfigReader r;
    private final ConfigLoader.Options options;
    private final List<String> notes = new ArrayList<>();
    private double intervalSec;

    AutorateConfigBuilder(ConfigReader reader, ConfigLoader.Options options) {
        this.r = reader;
        this.options = options;
    }

    /** The config, or null when there were errors (they are in the reader's problems). */
    AutorateConfig build(Path source) {
        CommonKeys c = COMMON;
        String wan = r.string(c.wanName);
        RouterConfig router = RouterSection.read(r, c, options);
        RateLimitConfig rateLimit = rateLimit();
        QueueConfig queues = new QueueConfig(r.string(QUEUE_DL), r.string(QUEUE_UL), r.string(QUEUE_DL_TYPE),
                r.string(QUEUE_UL_TYPE));
        r.bool(ENABLED);
        int intervalMs = r.integer(INTERVAL_MS);
        intervalSec = intervalMs / 1000.0;
        ControllerParams control = control();
        ProbeConfig probe = Probes.read(r, PROBE, intervalMs, r.number(COMMON.pingTimeout));
        FallbackConfig fallback = fallback();
        String name = wan == null ? "wan" : wan;
        Path stateFile = path(r.string(STATE_FILE), "/var/lib/wanctl/" + name + "_state.json");
        Duration stateWrite = seconds(r.number(STATE_WRITE_INTERVAL));
        Path lockFile = path(r.string(c.lockFile), "/run/wanctl/" + name + ".lock");
        r.integer(c.lockTimeout);
        r.string(c.mainLog);
        r.string(c.debugLog);
        r.string(c.schemaVersion);
        EndpointConfig health = Endpoints.read(r, c.healthEnabled, c.healthHost, c.healthPort,
                DefaultPorts.autorateHealth(name));
        EndpointConfig metrics = Endpoints.read(r, c.metricsEnabled, c.metricsHost, c.metricsPort,
                DefaultPorts.autorateMetrics(name));
        Endpoints.distinct(r, c, health, metrics);
        RecordingConfig recording = c.recording.read(r, name, stateFile);
        Duration status = seconds(r.number(c.statusLogInterval));
        r.warnUnknownKeys();
        if (r.problems().hasErrors() || control == null) {
            return null;
        }
        return new AutorateConfig(source, wan, router, rateLimit, queues, Duration.ofMillis(intervalMs), control,
                probe, fallback, stateFile, stateWrite, lockFile, health, metrics, recording, status, notes);
    }

    private RateLimitConfig rateLimit() {
        int max = r.integer(RATE_LIMIT_MAX);
        int reserve = r.integer(RATE_LIMIT_RESERVE);
        if (reserve >= max && r.present(RATE_LIMIT_RESERVE)) {
            r.error(RATE_LIMIT_RESERVE, "must be below max_changes (" + max + "), got " + reserve);
        }
        return new RateLimitConfig(r.bool(RATE_LIMIT_ENABLED), max, seconds(r.number(RATE_LIMIT_WINDOW)), reserve);
    }

    private ControllerParams control() {
        double initial = r.number(BASELINE_INITIAL);
        double target = r.number(TARGET);
        double warn = r.number(WARN);
        double hardRed = r.number(HARD_RED);
        boolean thresholdsOk = ordered(WARN, warn, TARGET, target) & ordered(HARD_RED, hardRed, WARN, warn);
        double aBase = alpha(TAU_BASELINE, ALPHA_BASELINE, "baseline");
        double aLoad = alpha(TAU_LOAD, ALPHA_LOAD, "load");
        double freeze = r.number(FREEZE_THRESHOLD);
        double bMin = r.number(BOUNDS_MIN);
        double bMax = r.number(BOUNDS_MAX);
        if (!(bMin < bMax)) {
            r.error(BOUNDS_MAX, "must be greater than baseline_rtt_bounds.min (" + fmt(bMin) + "), got " + fmt(bMax));
        } else if (initial < bMin || initial > bMax) {
            r.warn(BASELINE_INITIAL, "outside baseline_rtt_bounds [" + fmt(bMin) + ", " + fmt(bMax)
                    + "]; the baseline starts at the nearest bound");
        }
        int dwell = count(DWELL_CYCLES, DWELL_SEC, 0);
        double deadband = r.present(DEADBAND) ? r.number(DEADBAND) : 0;
        Hysteresis hysteresis = new Hysteresis(dwell, deadband);

        Floors dlFloors = floors(DL, true);
        Floors ulFloors = floors(UL, false);
        long dlCeil = mbps(r.number(DL.ceiling()));
        long ulCeil = mbps(r.number(UL.ceiling()));
        int dlGreen = count(DL.greenRequired(), DL.greenSustain(), 5);
        int ulGreen = count(UL.greenRequired(), UL.greenSustain(), 5);
        int softRed = count(SOFT_RED_REQUIRED, SOFT_RED_SUSTAIN, 3);
        double dlFactor = r.number(DL.factorDown());
        double ulFactor = r.number(UL.factorDown());
        double dlYellow = r.present(DL.factorDownYellow()) ? r.number(DL.factorDownYellow()) : 1.0;
        double ulYellow = r.present(UL.factorDownYellow()) ? r.number(UL.factorDownYellow()) : 1.0;
        long dlStep = mbps(r.number(DL.stepUp()));
        long ulStep = mbps(r.number(UL.stepUp()));
        if (r.problems().hasErrors() || dlFloors == null || ulFloors == null || !thresholdsOk
                || Double.isNaN(aBase) || Double.isNaN(aLoad)) {
            return null;
        }
        Thresholds dlT = new Thresholds(target, warn, hardRed);
        // upload never uses hard_red; a value above warn keeps the record's ordering check meaningful
        Thresholds ulT = new Thresholds(target, warn, Math.max(hardRed, warn + 1));
        double initialClamped = Math.min(bMax, Math.max(bMin, initial));
        notes.add(String.format(Locale.ROOT, "interval %d ms; green_required DL %d / UL %d cycles, soft_red_required"
                + " %d, dwell %d cycles, deadband %s ms", Math.round(intervalSec * 1000), dlGreen, ulGreen, softRed,
                dwell, fmt(deadband)));
        ControllerParams reference = new ControllerParams(
                new RttTrackerParams(initialClamped, aBase, aLoad, freeze, bMin, bMax),
                new DownloadParams(dlFloors.green, dlFloors.yellow, dlFloors.softRed, dlFloors.red, dlCeil, dlStep,
                        dlFactor, dlYellow, dlGreen, softRed, dlT, hysteresis),
                new UploadParams(ulFloors.red, ulCeil, ulStep, ulFactor, ulYellow, ulGreen, ulT, hysteresis));
        LawType law = ControlLaws.named(r.string(LAW));
        LawParams own = law.reader().read(new Section(law), reference);
        if (own == null || r.problems().hasErrors()) {
            return null;
        }
        return reference.withLaw(own);
    }

    /** The chosen law's section of this config, as its reader sees it. */
    private final class Section implements LawSection {
        private final LawType law;

        Section(LawType law) {
            this.law = law;
        }

        @Override
        public double number(LawKey key) {
            return r.number(lawKey(law, key));
        }

        @Override
        public void error(LawKey key, String message) {
            r.error(lawKey(law, key), message);
        }

        @Override
        public void note(String line) {
            notes.add(line);
        }

        @Override
        public double intervalSec() {
            return intervalSec;
        }

        @Override
        public String fmt(double v) {
            return AutorateConfigBuilder.fmt(v);
        }
    }

    /** {@code a} must be strictly greater than {@code b}; says so on {@code ka} if not. */
    private boolean ordered(ConfigKey ka, double a, ConfigKey kb, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return false;
        }
        if (a > b) {
            return true;
        }
        r.error(ka, "must be greater than " + kb.name() + " (" + fmt(b) + "), got " + fmt(a));
        return false;
    }

    private double alpha(ConfigKey tau, ConfigKey alpha, String what) {
        if (r.present(tau)) {
            double t = r.number(tau);
            if (r.present(alpha)) {
                r.warn(alpha, "ignored: " + tau.name() + " is set and wins");
            }
            if (Double.isNaN(t)) {
                return Double.NaN;
            }
            double a = dev.wanctl.core.control.TimeConstant.alpha(intervalSec, t);
            notes.add(String.format(Locale.ROOT, "%s EWMA: time constant %s s = alpha %.6f per %d ms cycle",
                    what, fmt(t), a, Math.round(intervalSec * 1000)));
            return a;
        }
        if (r.present(alpha)) {
            double a = r.number(alpha);
            if (Double.isNaN(a)) {
                return Double.NaN;
            }
            double t = dev.wanctl.core.control.TimeConstant.tauSec(a, intervalSec);
            notes.add(String.format(Locale.ROOT, "%s EWMA: alpha %s per cycle = time constant %.3f s at %d ms"
                    + " (set %s to keep it when the interval changes)", what, fmt(a), t,
                    Math.round(intervalSec * 1000), tau.name()));
            return a;
        }
        r.error(tau, "missing; set " + tau.name() + " (recommended) or the per-cycle " + alpha.name());
        return Double.NaN;
    }

    /** A count from its cycles key or its seconds key (seconds win), or the default. */
    private int count(ConfigKey cyclesKey, ConfigKey secondsKey, int def) {
        int cycles = r.present(cyclesKey) ? r.integer(cyclesKey) : def;
        if (r.present(secondsKey)) {
            double s = r.number(secondsKey);
            if (r.present(cyclesKey)) {
                r.warn(cyclesKey, "ignored: " + secondsKey.name() + " is set and wins");
            }
            if (!Double.isNaN(s)) {
                return dev.wanctl.core.control.TimeConstant.cycles(s, intervalSec);
            }
        }
        return cycles;
    }

    private record Floors(long green, long yellow, long softRed, long red) {}

    private Floors floors(Direction d, boolean fourState) {
        boolean legacy = r.present(d.floorLegacy());
        boolean any = r.present(d.floorGreen()) || r.present(d.floorYellow()) || r.present(d.floorRed())
                || (d.floorSoftRed() != null && r.present(d.floorSoftRed()));
        double ceiling = r.number(d.ceiling());
        if (legacy && any) {
            r.error(d.floorLegacy(), "use either floor_mbps or the floor_*_mbps keys of this section, not both");
            return null;
        }
        if (legacy) {
            double f = r.number(d.floorLegacy());
            if (!atMost(d.floorLegacy(), f, d.ceiling(), ceiling)) {
                return null;
            }
            long b = mbps(f);
            return new Floors(b, b, b, b);
        }
        if (!any) {
            r.error(d.floorLegacy(), "missing; set floor_mbps, or floor_green_mbps, floor_yellow_mbps and"
                    + " floor_red_mbps" + (fourState ? " (and optionally floor_soft_red_mbps)" : ""));
            return null;
        }
        if (!fourState && !r.present(d.floorGreen()) && !r.present(d.floorYellow())) {
            // upload: only the lowest floor applies; floor_red alone is enough
            double red = r.number(d.floorRed());
            return atMost(d.floorRed(), red, d.ceiling(), ceiling) ? new Floors(mbps(red), mbps(red), mbps(red),
                    mbps(red)) : null;
        }
        boolean ok = true;
        for (ConfigKey k : List.of(d.floorGreen(), d.floorYellow(), d.floorRed())) {
            if (!r.present(k)) {
                r.problems().error(k.path(), r.line(d.section()), "missing; the per-zone floors floor_green_mbps,"
                        + " floor_yellow_mbps and floor_red_mbps go together");
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        double green = r.number(d.floorGreen());
        double yellow = r.number(d.floorYellow());
        double red = r.number(d.floorRed());
        double softRed = d.floorSoftRed() != null && r.present(d.floorSoftRed()) ? r.number(d.floorSoftRed())
                : yellow;
        ConfigKey softRedKey = d.floorSoftRed() != null && r.present(d.floorSoftRed()) ? d.floorSoftRed()
                : d.floorYellow();
        ok = atMost(d.floorRed(), red, softRedKey, softRed);
        ok &= softRedKey == d.floorYellow() || atMost(softRedKey, softRed, d.floorYellow(), yellow);
        ok &= atMost(d.floorYellow(), yellow, d.floorGreen(), green);
        ok &= atMost(d.floorGreen(), green, d.ceiling(), ceiling);
        return ok ? new Floors(mbps(green), mbps(yellow), mbps(softRed), mbps(red)) : null;
    }

    /** {@code a <= b}, else an error on {@code ka} naming {@code kb}. */
    private boolean atMost(ConfigKey ka, double a, ConfigKey kb, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return false;
        }
        if (a <= b) {
            return true;
        }
        r.error(ka, "must be <= " + kb.name() + " (" + fmt(b) + "), got " + fmt(a));
        return false;
    }

    private FallbackConfig fallback() {
        String mode = r.string(FB_MODE);
        return new FallbackConfig(r.bool(FB_ENABLED), r.bool(FB_GATEWAY), r.bool(FB_TCP), r.string(FB_GATEWAY_IP),
                r.targets(FB_TCP_TARGETS),
                FallbackPolicy.Mode.valueOf((mode == null ? "graceful_degradation" : mode).toUpperCase(Locale.ROOT)),
                Math.max(1, r.integer(FB_MAX_CYCLES)));
    }

    static long mbps(double v) {
        return Double.isNaN(v) ? 0 : Math.round(v * 1_000_000);
    }

    static Duration seconds(double s) {
        return Double.isNaN(s) ? Duration.ZERO : Duration.ofNanos(Math.round(s * 1e9));
    }

    static Path path(String configured, String def) {
        return Path.of(configured == null ? def : configured);
    }

    static String fmt(double v) {
        return ConfigKey.fmt(v);
    }
}
