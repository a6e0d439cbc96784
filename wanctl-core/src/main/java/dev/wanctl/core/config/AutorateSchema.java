package dev.wanctl.core.config;

import dev.wanctl.core.control.ControlLaws;
import dev.wanctl.core.control.LawKey;
import dev.wanctl.core.control.LawType;
import dev.wanctl.core.probe.HostPort;
import static dev.wanctl.core.config.ConfigKey.key;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every key of an autorate config ({@code /etc/wanctl/<wan>.yaml}). */
public final class AutorateSchema {

    static final Schema SCHEMA = new Schema("autorate");
    static final CommonKeys COMMON = new CommonKeys(SCHEMA, true, 15, 1,
            "9110 + (CRC-32 of wan_name mod 100), e.g. spectrum 9120, att 9164: each WAN its own",
            "9210 + (CRC-32 of wan_name mod 100), e.g. spectrum 9220, att 9264");

    private static final String CM = "continuous_monitoring";

    static final ConfigKey RATE_LIMIT_ENABLED;
    static final ConfigKey RATE_LIMIT_MAX;
    static final ConfigKey RATE_LIMIT_WINDOW;
    static final ConfigKey RATE_LIMIT_RESERVE;
    static final ConfigKey QUEUE_DL;
    static final ConfigKey QUEUE_UL;
    static final ConfigKey QUEUE_DL_TYPE;
    static final ConfigKey QUEUE_UL_TYPE;
    static final ConfigKey STATE_FILE;
    static final ConfigKey STATE_WRITE_INTERVAL;
    static final ConfigKey ENABLED;
    static final ConfigKey INTERVAL_MS;
    static final ConfigKey BASELINE_INITIAL;
    static final Direction DL;
    static final Direction UL;
    static final ConfigKey SOFT_RED_REQUIRED;
    static final ConfigKey SOFT_RED_SUSTAIN;
    static final ConfigKey TARGET;
    static final ConfigKey WARN;
    static final ConfigKey HARD_RED;
    static final ConfigKey ALPHA_BASELINE;
    static final ConfigKey ALPHA_LOAD;
    static final ConfigKey TAU_BASELINE;
    static final ConfigKey TAU_LOAD;
    static final ConfigKey FREEZE_THRESHOLD;
    static final ConfigKey BOUNDS_MIN;
    static final ConfigKey BOUNDS_MAX;
    static final ConfigKey DWELL_CYCLES;
    static final ConfigKey DWELL_SEC;
    static final ConfigKey DEADBAND;
    static final ProbeKeys PROBE;
    static final ConfigKey FB_ENABLED;
    static final ConfigKey FB_GATEWAY;
    static final ConfigKey FB_TCP;
    static final ConfigKey FB_GATEWAY_IP;
    static final ConfigKey FB_TCP_TARGETS;
    static final ConfigKey FB_MODE;
    static final ConfigKey FB_MAX_CYCLES;
    static final ConfigKey LAW;
    /** Every law's keys ({@link ControlLaws#types()}) by path. */
    private static final Map<String, ConfigKey> LAW_KEYS;

    /** The section of a law's keys: {@code continuous_monitoring.<law>}. */
    static String lawSection(LawType law) {
        return CM + "." + law.name();
    }

    /** The config key of a law's key. */
    static ConfigKey lawKey(LawType law, LawKey k) {
        ConfigKey c = LAW_KEYS.get(lawSection(law) + "." + k.name());
        if (c == null) {
            throw new IllegalArgumentException(k.name() + " is not a key of the " + law.name() + " law");
        }
        return c;
    }

    /** "The control law: reference (...), or adaptive (...)", from the registered laws. */
    private static String lawDoc() {
        List<LawType> laws = ControlLaws.types();
        StringBuilder b = new StringBuilder("The control law: ");
        for (int i = 0; i < laws.size(); i++) {
            if (i > 0) {
                b.append(i == laws.size() - 1 ? ", or " : ", ");
            }
            b.append(laws.get(i).name()).append(" (").append(laws.get(i).doc()).append(')');
        }
        return b.toString();
    }

    /** The keys of one direction's section. */
    record Direction(
            String section,
            ConfigKey floorGreen,
            ConfigKey floorYellow,
            ConfigKey floorSoftRed,
            ConfigKey floorRed,
            ConfigKey floorLegacy,
            ConfigKey ceiling,
            ConfigKey stepUp,
            ConfigKey factorDown,
            ConfigKey factorDownYellow,
            ConfigKey greenRequired,
            ConfigKey greenSustain) {}

    static {
        Schema s = SCHEMA;
        s.add(key("router.rate_limiter", ValueType.SECTION).later()
                .doc("Limit on max-limit writes (each is a flash write on the router)"));
        RATE_LIMIT_ENABLED = s.add(key("router.rate_limiter.enabled", ValueType.BOOL).defaultValue(true).later()
                .doc("Limit router writes"));
        RATE_LIMIT_MAX = s.add(key("router.rate_limiter.max_changes", ValueType.INT).range(1, 1000)
                .defaultValue(5L).later().doc("Writes allowed per window"));
        RATE_LIMIT_WINDOW = s.add(key("router.rate_limiter.window_seconds", ValueType.NUMBER).range(0.1, 3600)
                .defaultValue(10.0).unit("s").later().doc("Length of the sliding window"));
        RATE_LIMIT_RESERVE = s.add(key("router.rate_limiter.reserve_for_decreases", ValueType.INT).range(0, 999)
                .defaultValue(0L).ours().doc("Writes of the window kept for rate cuts: increases may use only"
                        + " max_changes minus this, so a cut under congestion is never held back by the increases"
                        + " before it; 0 treats every write alike (the reference)"));

        s.add(key("queues", ValueType.SECTION).required().doc("RouterOS queue tree items to shape"));
        QUEUE_DL = s.add(key("queues.download", ValueType.IDENTIFIER).required()
                .doc("Queue tree item whose max-limit shapes download"));
        QUEUE_UL = s.add(key("queues.upload", ValueType.IDENTIFIER).required()
                .doc("Queue tree item whose max-limit shapes upload"));
        QUEUE_DL_TYPE = s.add(key("queues.download_type", ValueType.IDENTIFIER).ours()
                .doc("Queue type the download queue must use; checked at start only when set"));
        QUEUE_UL_TYPE = s.add(key("queues.upload_type", ValueType.IDENTIFIER).ours()
                .doc("Queue type the upload queue must use; checked at start only when set"));

        STATE_FILE = s.add(key("state_file", ValueType.PATH).later()
                .doc("State file; default /var/lib/wanctl/<wan_name>_state.json"));
        STATE_WRITE_INTERVAL = s.add(key("state_write_interval", ValueType.NUMBER).range(0.05, 3600)
                .defaultValue(5.0).unit("s").ours()
                .doc("The state file is written when it changed, at most this often; unchanged, again after this long"
                        + " (steering judges the baseline's freshness by the file's age); always at shutdown"));

        s.add(key(CM, ValueType.SECTION).required().doc("The control loop"));
        ENABLED = s.add(key(CM + ".enabled", ValueType.BOOL).defaultValue(true)
                .doc("Accepted for compatibility; the daemon always runs its loop"));
        INTERVAL_MS = s.add(key(CM + ".interval_ms", ValueType.INT).range(10, 2000).defaultValue(50L).unit("ms")
                .ours().doc("Control cycle interval"));
        BASELINE_INITIAL = s.add(key(CM + ".baseline_rtt_initial", ValueType.NUMBER).range(1, 500).required()
                .unit("ms").doc("Idle RTT to start from when there is no state file"));

        LAW = s.add(key(CM + ".law", ValueType.CHOICE)
                .choices(ControlLaws.names().toArray(String[]::new))
                .defaultValue(ControlLaws.REFERENCE)
                .ours().doc(lawDoc()));
        Map<String, ConfigKey> lawKeys = new LinkedHashMap<>();
        for (LawType law : ControlLaws.types()) {
            if (law.keys().isEmpty()) {
                continue;
            }
            String section = lawSection(law);
            s.add(key(section, ValueType.SECTION).ours().doc(law.sectionDoc()));
            for (LawKey k : law.keys()) {
                ConfigKey.Builder b = key(section + "." + k.name(), ValueType.NUMBER).range(k.min(), k.max())
                        .defaultValue(k.defaultValue());
                if (!k.unit().isEmpty()) {
                    b.unit(k.unit());
                }
                lawKeys.put(section + "." + k.name(), s.add(b.ours().doc(k.doc())));
            }
        }
        LAW_KEYS = Map.copyOf(lawKeys);

        DL = direction(s, "download", 10000, true);
        SOFT_RED_REQUIRED = s.add(key(CM + ".download.soft_red_required", ValueType.INT).range(1, 1000)
                .defaultValue(3L).ours().doc("Consecutive SOFT_RED cycles before SOFT_RED is confirmed (shown as"
                        + " YELLOW until then)"));
        SOFT_RED_SUSTAIN = s.add(key(CM + ".download.soft_red_sustain_sec", ValueType.NUMBER).range(0.01, 600)
                .unit("s").ours().doc("soft_red_required in seconds, kept when the interval changes"));
        UL = direction(s, "upload", 1000, false);

        String t = CM + ".thresholds";
        s.add(key(t, ValueType.SECTION).required().doc("Delay thresholds and smoothing"));
        TARGET = s.add(key(t + ".target_bloat_ms", ValueType.NUMBER).range(1, 100).required().unit("ms")
                .doc("Delta above which a direction is YELLOW"));
        WARN = s.add(key(t + ".warn_bloat_ms", ValueType.NUMBER).range(1, 200).required().unit("ms")
                .doc("Delta above which download is SOFT_RED and upload RED"));
        HARD_RED = s.add(key(t + ".hard_red_bloat_ms", ValueType.NUMBER).range(1, 1000).defaultValue(80.0)
                .unit("ms").doc("Delta above which download is RED"));
        ALPHA_BASELINE = s.add(key(t + ".alpha_baseline", ValueType.NUMBER).range(0.0001, 1)
                .doc("Per-cycle weight of a sample in the baseline EWMA (the interval changes its meaning)")
                .deprecated("baseline_time_constant_sec"));
        ALPHA_LOAD = s.add(key(t + ".alpha_load", ValueType.NUMBER).range(0.001, 1)
                .doc("Per-cycle weight of a sample in the load EWMA (the interval changes its meaning)")
                .deprecated("load_time_constant_sec"));
        TAU_BASELINE = s.add(key(t + ".baseline_time_constant_sec", ValueType.NUMBER).range(1, 600).unit("s")
                .later().doc("Time constant of the baseline EWMA; wins over alpha_baseline"));
        TAU_LOAD = s.add(key(t + ".load_time_constant_sec", ValueType.NUMBER).range(0.05, 10).unit("s").later()
                .doc("Time constant of the load EWMA; wins over alpha_load"));
        FREEZE_THRESHOLD = s.add(key(t + ".baseline_update_threshold_ms", ValueType.NUMBER).range(0.1, 100)
                .defaultValue(3.0).unit("ms").doc("The baseline learns only while load - baseline is below this"));
        s.add(key(t + ".baseline_rtt_bounds", ValueType.SECTION).later().doc("Plausible baseline range"));
        BOUNDS_MIN = s.add(key(t + ".baseline_rtt_bounds.min", ValueType.NUMBER).range(0.1, 100).defaultValue(1.0)
                .unit("ms").later().doc("A lower candidate baseline is rejected with a warning"));
        BOUNDS_MAX = s.add(key(t + ".baseline_rtt_bounds.max", ValueType.NUMBER).range(10, 1000)
                .defaultValue(250.0).unit("ms").later().doc("A higher candidate baseline is rejected with a warning"));
        DWELL_CYCLES = s.add(key(t + ".dwell_cycles", ValueType.INT).range(0, 1000).later()
                .doc("GREEN turns YELLOW only after this many consecutive cycles above target; off when absent"));
        DWELL_SEC = s.add(key(t + ".dwell_sec", ValueType.NUMBER).range(0.01, 60).unit("s").ours()
                .doc("dwell_cycles in seconds, kept when the interval changes"));
        DEADBAND = s.add(key(t + ".deadband_ms", ValueType.NUMBER).range(0, 100).unit("ms").later()
                .doc("From YELLOW, GREEN only below target - min(deadband, target/2); off when absent"));

        PROBE = new ProbeKeys(s, CM, true);

        String f = CM + ".fallback_checks";
        s.add(key(f, ValueType.SECTION).doc("What to do when no probe answers"));
        FB_ENABLED = s.add(key(f + ".enabled", ValueType.BOOL).defaultValue(true)
                .doc("Check other paths to the internet when probes are lost"));
        FB_GATEWAY = s.add(key(f + ".check_gateway", ValueType.BOOL).defaultValue(true)
                .doc("Ping gateway_ip (when set)"));
        FB_TCP = s.add(key(f + ".check_tcp", ValueType.BOOL).defaultValue(true).doc("TCP-connect to tcp_targets"));
        FB_GATEWAY_IP = s.add(key(f + ".gateway_ip", ValueType.STRING).defaultValue("")
                .doc("Gateway to ping; empty skips the gateway check"));
        FB_TCP_TARGETS = s.add(key(f + ".tcp_targets", ValueType.HOST_PORT_LIST)
                .defaultValue(List.of(new HostPort("1.1.1.1", 443), new HostPort("8.8.8.8", 443)))
                .doc("TCP endpoints that prove connectivity"));
        FB_MODE = s.add(key(f + ".fallback_mode", ValueType.CHOICE)
                .choices("graceful_degradation", "freeze", "use_last_rtt").defaultValue("graceful_degradation")
                .doc("graceful_degradation: reuse the last load RTT once, then freeze; freeze; use_last_rtt"));
        FB_MAX_CYCLES = s.add(key(f + ".max_fallback_cycles", ValueType.INT).range(1, 100000).defaultValue(3L)
                .doc("Lost cycles after which health reports degraded (the loop keeps running)"));

        CommonKeys.ignoreLaterFeatures(s);
        for (String k : new String[] {"accel_threshold_ms", "accel_confirm_cycles", "suppression_alert_threshold"}) {
            s.ignore(t + "." + k, k + " (spike detection of later Python versions) is not implemented; ignored");
        }
        s.ignore(CM + ".upload.consecutive_yellow_decay_clamp",
                "consecutive_yellow_decay_clamp (later Python versions) is not implemented; ignored");
    }

    private static Direction direction(Schema s, String name, double maxMbps, boolean fourState) {
        String d = CM + "." + name;
        s.add(key(d, ValueType.SECTION).required().doc(name + " rate limits and steps"));
        String floors = fourState ? "" : " (upload is bounded by its lowest floor only)";
        ConfigKey green = s.add(key(d + ".floor_green_mbps", ValueType.NUMBER).range(0.01, maxMbps).unit("Mbit/s")
                .doc("Lowest rate while GREEN" + floors));
        ConfigKey yellow = s.add(key(d + ".floor_yellow_mbps", ValueType.NUMBER).range(0.01, maxMbps)
                .unit("Mbit/s").doc("Lowest rate while YELLOW"));
        ConfigKey softRed = fourState
                ? s.add(key(d + ".floor_soft_red_mbps", ValueType.NUMBER).range(0.01, maxMbps).unit("Mbit/s")
                        .doc("Lowest rate while SOFT_RED; default floor_yellow_mbps"))
                : null;
        ConfigKey red = s.add(key(d + ".floor_red_mbps", ValueType.NUMBER).range(0.01, maxMbps).unit("Mbit/s")
                .doc("Lowest rate of all (RED)"));
        ConfigKey legacy = s.add(key(d + ".floor_mbps", ValueType.NUMBER).range(0.01, maxMbps).unit("Mbit/s")
                .doc("One floor for every zone (the 3-state form); instead of the floor_*_mbps keys"));
        ConfigKey ceiling = s.add(key(d + ".ceiling_mbps", ValueType.NUMBER).range(1, maxMbps).required()
                .unit("Mbit/s").doc("Highest rate; the rate starts here"));
        ConfigKey step = s.add(key(d + ".step_up_mbps", ValueType.NUMBER).range(0.01, 1000).required()
                .unit("Mbit/s").doc("Added every GREEN cycle once green_required GREEN cycles have passed"));
        ConfigKey factor = s.add(key(d + ".factor_down", ValueType.NUMBER).range(0.1, 1).required()
                .doc("Rate multiplier every RED cycle"));
        ConfigKey factorYellow = s.add(key(d + ".factor_down_yellow", ValueType.NUMBER).range(0.1, 1).later()
                .doc("Rate multiplier every YELLOW cycle; YELLOW holds the rate when absent"));
        ConfigKey greenRequired = s.add(key(d + ".green_required", ValueType.INT).range(1, 10000).defaultValue(5L)
                .later().doc("Consecutive GREEN cycles before the rate steps up"));
        ConfigKey greenSustain = s.add(key(d + ".green_sustain_sec", ValueType.NUMBER).range(0.01, 600).unit("s")
                .ours().doc("green_required in seconds, kept when the interval changes"));
        return new Direction(d, green, yellow, softRed, red, legacy, ceiling, step, factor, factorYellow,
                greenRequired, greenSustain);
    }

    private AutorateSchema() {}

    /** The schema, for documentation. */
    public static Schema schema() {
        return SCHEMA;
    }
}
