package dev.wanctl.core.config;

import static dev.wanctl.core.config.AutorateConfigBuilder.fmt;
import static dev.wanctl.core.config.AutorateConfigBuilder.seconds;
import static dev.wanctl.core.config.SteeringSchema.*;

import dev.wanctl.core.control.TimeConstant;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds a {@link SteeringConfig} from a parsed file, adding every problem it finds. */
final class SteeringConfigBuilder {

    private final ConfigReader r;
    private final ConfigLoader.Options options;
    private final List<String> notes = new ArrayList<>();
    private double intervalSec;

    SteeringConfigBuilder(ConfigReader reader, ConfigLoader.Options options) {
        this.r = reader;
        this.options = options;
    }

    SteeringConfig build(Path source) {
        CommonKeys c = COMMON;
        String wan = r.string(c.wanName);
        RouterConfig router = RouterSection.read(r, c, options);
        if (router != null && !router.transport().routerOs()) {
            r.error(c.transport, "steering toggles a RouterOS mangle rule: it needs transport "
                    + RouterConfig.Transport.routerOsNames() + ", not " + router.transport().configName());
        }
        String primary = r.string(PRIMARY_WAN);
        r.string(PRIMARY_WAN_CONFIG);
        String alternate = r.string(ALTERNATE_WAN);
        String comment = r.string(MANGLE_COMMENT);
        String p = primary == null ? "primary" : primary;
        Path stateSource = Path.of(alias(STATE_SOURCE, STATE_SOURCE_LEGACY, "/var/lib/wanctl/" + p + "_state.json"));
        Duration staleness = seconds(r.number(STATE_STALENESS));
        String capitalised = p.isEmpty() ? p : Character.toUpperCase(p.charAt(0)) + p.substring(1);
        String dlQueue = alias(QUEUE_DL, QUEUE_DL_LEGACY, "WAN-Download-" + capitalised);
        String ulQueue = alias(QUEUE_UL, QUEUE_UL_LEGACY, "WAN-Upload-" + capitalised);

        intervalSec = r.number(INTERVAL);
        int intervalMs = Double.isNaN(intervalSec) ? 50 : (int) Math.max(1, Math.round(intervalSec * 1000));
        if (Double.isNaN(intervalSec)) {
            intervalSec = 0.05;
        }
        String pingHost = r.string(PING_HOST);
        r.integer(PING_COUNT);
        List<String> hosts = r.present(PROBE.hosts) ? r.hosts(PROBE.hosts)
                : pingHost == null ? List.of() : List.of(pingHost);
        if (!r.present(PROBE.hosts) && !r.present(PING_HOST)) {
            r.error(PING_HOST, "missing; set measurement.ping_host or measurement.ping_hosts");
        }
        ProbeConfig probe = Probes.build(r, PROBE, hosts, intervalMs, r.number(c.pingTimeout));
        Duration statsInterval = Duration.ofMillis(r.integer(CAKE_STATS_INTERVAL));

        Path stateFile = Path.of(r.string(STATE_FILE));
        int history = r.integer(HISTORY_SIZE);
        Path lock = AutorateConfigBuilder.path(r.string(c.lockFile), "/run/wanctl/steering.lock");
        r.integer(c.lockTimeout);
        r.string(c.mainLog);
        r.string(c.debugLog);
        r.bool(LOG_CAKE_STATS);
        r.number(PING_TOTAL);
        r.string(c.schemaVersion);
        SteeringThresholds thresholds = thresholds();
        boolean cakeAware = r.bool(CAKE_AWARE);
        r.bool(YELLOW_STATE);
        r.bool(RESET_COUNTERS);
        boolean confidenceOn = r.bool(USE_CONFIDENCE);
        ConfidenceConfig confidence = confidence();
        WanStateConfig wanState = new WanStateConfig(r.bool(W_ENABLED), r.integer(W_RED_WEIGHT),
                seconds(r.number(W_STALENESS)), seconds(r.number(W_GRACE)), r.bool(W_OVERRIDE));
        EndpointConfig health = Endpoints.read(r, c.healthEnabled, c.healthHost, c.healthPort,
                DefaultPorts.STEERING_HEALTH);
        EndpointConfig metrics = Endpoints.read(r, c.metricsEnabled, c.metricsHost, c.metricsPort,
                DefaultPorts.STEERING_METRICS);
        Endpoints.distinct(r, c, health, metrics);
        RecordingConfig recording = c.recording.read(r, wan == null ? "steering" : wan, stateFile);
        Duration status = seconds(r.number(c.statusLogInterval));
        r.warnUnknownKeys();
        if (r.problems().hasErrors()) {
            return null;
        }
        return new SteeringConfig(source, wan, router, primary, alternate, comment, stateSource, staleness, dlQueue,
                ulQueue, Duration.ofNanos(Math.round(intervalSec * 1e9)), statsInterval, probe, stateFile, history,
                lock, thresholds, cakeAware, confidenceOn, confidence, wanState, health, metrics, recording, status, notes);
    }

    /** The value of {@code key}, else of its legacy name (with a warning), else {@code def}. */
    private String alias(ConfigKey key, ConfigKey legacy, String def) {
        String v = r.string(key);
        String old = r.string(legacy);
        if (old != null) {
            r.warn(legacy, "old name; use " + key.path() + (v != null ? " (which is also set and wins)" : ""));
        }
        return v != null ? v : old != null ? old : def;
    }

    private SteeringThresholds thresholds() {
        double green = r.number(GREEN_RTT);
        double yellow = r.number(YELLOW_RTT);
        double red = r.number(RED_RTT);
        if (!(green < yellow)) {
            r.error(YELLOW_RTT, "must be greater than green_rtt_ms (" + fmt(green) + "), got " + fmt(yellow));
        }
        if (!(yellow <= red)) {
            r.error(RED_RTT, "must be >= yellow_rtt_ms (" + fmt(yellow) + "), got " + fmt(red));
        }
        long minQueueYellow = r.integer(MIN_QUEUE_YELLOW);
        long minQueueRed = r.integer(MIN_QUEUE_RED);
        if (minQueueRed < minQueueYellow) {
            r.warn(MIN_QUEUE_RED, "below min_queue_yellow (" + minQueueYellow + "); RED then needs less queue than"
                    + " YELLOW");
        }
        int redSamples = count(RED_SAMPLES, RED_SUSTAIN);
        int greenSamples = count(GREEN_SAMPLES, GREEN_SUSTAIN);
        double rttAlpha = alpha(RTT_TAU, RTT_ALPHA, "RTT delta");
        double queueAlpha = alpha(QUEUE_TAU, QUEUE_ALPHA, "queue");
        double bMin = r.number(BOUNDS_MIN);
        double bMax = r.number(BOUNDS_MAX);
        if (!(bMin < bMax)) {
            r.error(BOUNDS_MAX, "must be greater than baseline_rtt_bounds.min (" + fmt(bMin) + "), got " + fmt(bMax));
        }
        notes.add(String.format(Locale.ROOT, "interval %s s; steering after %d RED cycles (%.2f s), recovery after"
                + " %d GREEN cycles (%.2f s)", fmt(intervalSec), redSamples, redSamples * intervalSec, greenSamples,
                greenSamples * intervalSec));
        return new SteeringThresholds(green, yellow, red, r.integer(MIN_DROPS_RED), minQueueYellow, minQueueRed,
                redSamples, greenSamples, rttAlpha, queueAlpha, bMin, bMax, r.number(BAD_THRESHOLD),
                r.number(RECOVERY_THRESHOLD), r.integer(BAD_SAMPLES), r.integer(GOOD_SAMPLES));
    }

    private int count(ConfigKey cycles, ConfigKey secondsKey) {
        int n = r.integer(cycles);
        if (r.present(secondsKey)) {
            double s = r.number(secondsKey);
            if (r.present(cycles)) {
                r.warn(cycles, "ignored: " + secondsKey.name() + " is set and wins");
            }
            if (!Double.isNaN(s)) {
                return TimeConstant.cycles(s, intervalSec);
            }
        }
        return n;
    }

    private double alpha(ConfigKey tau, ConfigKey alpha, String what) {
        if (r.present(tau)) {
            double t = r.number(tau);
            if (r.present(alpha)) {
                r.warn(alpha, "ignored: " + tau.name() + " is set and wins");
            }
            return Double.isNaN(t) ? r.number(alpha) : TimeConstant.alpha(intervalSec, t);
        }
        double a = r.number(alpha);
        notes.add(String.format(Locale.ROOT, "%s EWMA: alpha %s per cycle = time constant %.3f s", what, fmt(a),
                TimeConstant.tauSec(a, intervalSec)));
        return a;
    }

    private ConfidenceConfig confidence() {
        int steer = r.integer(C_STEER);
        int recover = r.integer(C_RECOVER);
        if (recover >= steer) {
            r.error(C_RECOVER, "must be below steer_threshold (" + steer + "), got " + recover);
        }
        return new ConfidenceConfig(steer, recover, seconds(r.number(C_SUSTAIN)), seconds(r.number(C_RECOVERY_SUSTAIN)),
                seconds(r.number(C_HOLD_DOWN)), r.bool(C_DRY_RUN), r.bool(C_FLAP_ENABLED),
                seconds(r.number(C_FLAP_WINDOW) * 60), r.integer(C_MAX_TOGGLES), seconds(r.number(C_PENALTY)),
                r.integer(C_PENALTY_ADD));
    }
}
