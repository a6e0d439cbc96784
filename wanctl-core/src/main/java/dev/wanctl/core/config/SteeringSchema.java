package dev.wanctl.core.config;

import static dev.wanctl.core.config.ConfigKey.key;

/** Every key of a steering config ({@code /etc/wanctl/steering.yaml}). */
public final class SteeringSchema {

    static final Schema SCHEMA = new Schema("steering");
    static final CommonKeys COMMON = new CommonKeys(SCHEMA, false, 30, 2,
            String.valueOf(DefaultPorts.STEERING_HEALTH), String.valueOf(DefaultPorts.STEERING_METRICS));

    static final ConfigKey PRIMARY_WAN;
    static final ConfigKey PRIMARY_WAN_CONFIG;
    static final ConfigKey ALTERNATE_WAN;
    static final ConfigKey MANGLE_COMMENT;
    static final ConfigKey STATE_SOURCE;
    static final ConfigKey STATE_SOURCE_LEGACY;
    static final ConfigKey STATE_STALENESS;
    static final ConfigKey QUEUE_DL;
    static final ConfigKey QUEUE_UL;
    static final ConfigKey QUEUE_DL_LEGACY;
    static final ConfigKey QUEUE_UL_LEGACY;
    static final ConfigKey INTERVAL;
    static final ConfigKey PING_HOST;
    static final ConfigKey PING_COUNT;
    static final ConfigKey CAKE_STATS_INTERVAL;
    static final ProbeKeys PROBE;
    static final ConfigKey STATE_FILE;
    static final ConfigKey HISTORY_SIZE;
    static final ConfigKey LOG_CAKE_STATS;
    static final ConfigKey GREEN_RTT;
    static final ConfigKey YELLOW_RTT;
    static final ConfigKey RED_RTT;
    static final ConfigKey MIN_DROPS_RED;
    static final ConfigKey MIN_QUEUE_YELLOW;
    static final ConfigKey MIN_QUEUE_RED;
    static final ConfigKey RED_SAMPLES;
    static final ConfigKey GREEN_SAMPLES;
    static final ConfigKey RED_SUSTAIN;
    static final ConfigKey GREEN_SUSTAIN;
    static final ConfigKey RTT_ALPHA;
    static final ConfigKey QUEUE_ALPHA;
    static final ConfigKey RTT_TAU;
    static final ConfigKey QUEUE_TAU;
    static final ConfigKey BAD_THRESHOLD;
    static final ConfigKey RECOVERY_THRESHOLD;
    static final ConfigKey BAD_SAMPLES;
    static final ConfigKey GOOD_SAMPLES;
    static final ConfigKey BOUNDS_MIN;
    static final ConfigKey BOUNDS_MAX;
    static final ConfigKey CAKE_AWARE;
    static final ConfigKey YELLOW_STATE;
    static final ConfigKey USE_CONFIDENCE;
    static final ConfigKey RESET_COUNTERS;
    static final ConfigKey C_STEER;
    static final ConfigKey C_RECOVER;
    static final ConfigKey C_SUSTAIN;
    static final ConfigKey C_RECOVERY_SUSTAIN;
    static final ConfigKey C_HOLD_DOWN;
    static final ConfigKey C_DRY_RUN;
    static final ConfigKey C_FLAP_ENABLED;
    static final ConfigKey C_FLAP_WINDOW;
    static final ConfigKey C_MAX_TOGGLES;
    static final ConfigKey C_PENALTY;
    static final ConfigKey C_PENALTY_ADD;
    static final ConfigKey W_ENABLED;
    static final ConfigKey W_RED_WEIGHT;
    static final ConfigKey W_STALENESS;
    static final ConfigKey W_GRACE;
    static final ConfigKey W_OVERRIDE;
    static final ConfigKey PING_TOTAL;

    static {
        Schema s = SCHEMA;
        s.add(key("topology", ValueType.SECTION).required().doc("Which WAN is watched and which takes the steered traffic"));
        PRIMARY_WAN = s.add(key("topology.primary_wan", ValueType.IDENTIFIER).required()
                .doc("The WAN whose congestion triggers steering (its autorate wan_name)"));
        PRIMARY_WAN_CONFIG = s.add(key("topology.primary_wan_config", ValueType.PATH)
                .doc("The primary's autorate config; used to find its state file when not given"));
        ALTERNATE_WAN = s.add(key("topology.alternate_wan", ValueType.IDENTIFIER)
                .doc("The WAN steered traffic leaves by (for logs)"));
        s.add(key("mangle_rule", ValueType.SECTION).required().doc("The rule that steers"));
        MANGLE_COMMENT = s.add(key("mangle_rule.comment", ValueType.COMMENT).required()
                .doc("Exact comment of the mangle rule that steering enables and disables"));
        s.add(key("cake_state_sources", ValueType.SECTION).doc("Where the primary's autorate state is"));
        STATE_SOURCE = s.add(key("cake_state_sources.primary", ValueType.PATH)
                .doc("The primary's autorate state file; default /var/lib/wanctl/<primary_wan>_state.json"));
        STATE_SOURCE_LEGACY = s.add(key("cake_state_sources.spectrum", ValueType.PATH)
                .doc("Old name of cake_state_sources.primary").deprecated("cake_state_sources.primary"));
        STATE_STALENESS = s.add(key("cake_state_sources.state_staleness_sec", ValueType.NUMBER).range(0.1, 3600)
                .defaultValue(12.0).unit("s").ours()
                .doc("An autorate state older than this is ignored; autorate refreshes its file within 1.5"
                        + " state_write_interval (7.5 s by default), so keep this above that"));
        s.add(key("cake_queues", ValueType.SECTION).doc("The primary WAN's queues"));
        QUEUE_DL = s.add(key("cake_queues.primary_download", ValueType.IDENTIFIER)
                .doc("The primary's download queue, whose drops and backlog are watched;"
                        + " default WAN-Download-<Primary_wan>"));
        QUEUE_UL = s.add(key("cake_queues.primary_upload", ValueType.IDENTIFIER)
                .doc("The primary's upload queue (for logs)"));
        QUEUE_DL_LEGACY = s.add(key("cake_queues.spectrum_download", ValueType.IDENTIFIER)
                .doc("Old name of primary_download").deprecated("cake_queues.primary_download"));
        QUEUE_UL_LEGACY = s.add(key("cake_queues.spectrum_upload", ValueType.IDENTIFIER)
                .doc("Old name of primary_upload").deprecated("cake_queues.primary_upload"));

        s.add(key("measurement", ValueType.SECTION).required().doc("The steering cycle"));
        INTERVAL = s.add(key("measurement.interval_seconds", ValueType.NUMBER).range(0.01, 60).required().unit("s")
                .doc("Steering cycle interval (0.05 in production)"));
        PING_HOST = s.add(key("measurement.ping_host", ValueType.HOST)
                .doc("Reflector of the reference implementation; ping_hosts takes several"));
        PING_COUNT = s.add(key("measurement.ping_count", ValueType.INT).range(1, 20).defaultValue(3L)
                .doc("Accepted for compatibility; the probe sends one echo per reflector per cycle"));
        CAKE_STATS_INTERVAL = s.add(key("measurement.cake_stats_interval_ms", ValueType.INT).range(50, 60000)
                .defaultValue(250L).unit("ms").ours()
                .doc("How often the queue's CAKE statistics are read (the router is not polled every cycle)"));
        PROBE = new ProbeKeys(s, "measurement", false);

        s.add(key("state", ValueType.SECTION).doc("Steering state persistence"));
        STATE_FILE = s.add(key("state.file", ValueType.PATH).defaultValue("/var/lib/wanctl/steering_state.json")
                .doc("Steering state file"));
        HISTORY_SIZE = s.add(key("state.history_size", ValueType.INT).range(1, 3000).defaultValue(240L)
                .doc("Samples kept in each history of the state file"));
        LOG_CAKE_STATS = s.add(key("logging.log_cake_stats", ValueType.BOOL).defaultValue(true)
                .doc("Accepted for compatibility; CAKE stats are in the cycle line"));
        PING_TOTAL = s.add(key("timeouts.ping_total", ValueType.NUMBER).range(0.1, 600).defaultValue(10.0).unit("s")
                .doc("Accepted for compatibility; probing is asynchronous"));

        String t = "thresholds";
        s.add(key(t, ValueType.SECTION).doc("Congestion assessment and hysteresis"));
        GREEN_RTT = s.add(key(t + ".green_rtt_ms", ValueType.NUMBER).range(0, 1000).defaultValue(5.0).unit("ms")
                .doc("Checked to be below yellow_rtt_ms"));
        YELLOW_RTT = s.add(key(t + ".yellow_rtt_ms", ValueType.NUMBER).range(0, 1000).defaultValue(15.0).unit("ms")
                .doc("RTT EWMA above this is YELLOW"));
        RED_RTT = s.add(key(t + ".red_rtt_ms", ValueType.NUMBER).range(0, 1000).defaultValue(15.0).unit("ms")
                .doc("RTT EWMA above this, with drops and queue, is RED"));
        MIN_DROPS_RED = s.add(key(t + ".min_drops_red", ValueType.INT).range(0, 1_000_000).defaultValue(1L)
                .unit("packets").doc("CAKE drops in a cycle needed for RED"));
        MIN_QUEUE_YELLOW = s.add(key(t + ".min_queue_yellow", ValueType.INT).range(0, 1_000_000).defaultValue(10L)
                .unit("packets").doc("Queued packets that alone make YELLOW"));
        MIN_QUEUE_RED = s.add(key(t + ".min_queue_red", ValueType.INT).range(0, 1_000_000).defaultValue(50L)
                .unit("packets").doc("Queued packets needed for RED"));
        RED_SAMPLES = s.add(key(t + ".red_samples_required", ValueType.INT).range(1, 100000).defaultValue(2L)
                .doc("Consecutive RED cycles that enable steering"));
        GREEN_SAMPLES = s.add(key(t + ".green_samples_required", ValueType.INT).range(1, 100000).defaultValue(15L)
                .doc("Consecutive GREEN cycles that disable steering"));
        RED_SUSTAIN = s.add(key(t + ".red_sustain_sec", ValueType.NUMBER).range(0.01, 3600).unit("s").ours()
                .doc("red_samples_required in seconds, kept when the interval changes"));
        GREEN_SUSTAIN = s.add(key(t + ".green_sustain_sec", ValueType.NUMBER).range(0.01, 3600).unit("s").ours()
                .doc("green_samples_required in seconds, kept when the interval changes"));
        RTT_ALPHA = s.add(key(t + ".rtt_ewma_alpha", ValueType.NUMBER).range(0.001, 1).defaultValue(0.3)
                .doc("Per-cycle weight of the RTT delta EWMA"));
        QUEUE_ALPHA = s.add(key(t + ".queue_ewma_alpha", ValueType.NUMBER).range(0.001, 1).defaultValue(0.4)
                .doc("Per-cycle weight of the queue EWMA"));
        RTT_TAU = s.add(key(t + ".rtt_ewma_time_constant_sec", ValueType.NUMBER).range(0.01, 600).unit("s").ours()
                .doc("Time constant of the RTT delta EWMA; wins over rtt_ewma_alpha"));
        QUEUE_TAU = s.add(key(t + ".queue_ewma_time_constant_sec", ValueType.NUMBER).range(0.01, 600).unit("s")
                .ours().doc("Time constant of the queue EWMA; wins over queue_ewma_alpha"));
        BAD_THRESHOLD = s.add(key(t + ".bad_threshold_ms", ValueType.NUMBER).range(0, 1000).defaultValue(25.0)
                .unit("ms").doc("Legacy (cake_aware: false) degraded threshold"));
        RECOVERY_THRESHOLD = s.add(key(t + ".recovery_threshold_ms", ValueType.NUMBER).range(0, 1000)
                .defaultValue(12.0).unit("ms").doc("Legacy (cake_aware: false) recovery threshold"));
        BAD_SAMPLES = s.add(key(t + ".bad_samples", ValueType.INT).range(1, 100000).defaultValue(8L)
                .doc("Legacy (cake_aware: false) count").deprecated("red_samples_required"));
        GOOD_SAMPLES = s.add(key(t + ".good_samples", ValueType.INT).range(1, 100000).defaultValue(15L)
                .doc("Legacy (cake_aware: false) count").deprecated("green_samples_required"));
        s.add(key(t + ".baseline_rtt_bounds", ValueType.SECTION).later().doc("Plausible baseline range"));
        BOUNDS_MIN = s.add(key(t + ".baseline_rtt_bounds.min", ValueType.NUMBER).range(0.1, 100).defaultValue(1.0)
                .unit("ms").later().doc("A lower baseline from the autorate state is ignored"));
        BOUNDS_MAX = s.add(key(t + ".baseline_rtt_bounds.max", ValueType.NUMBER).range(10, 1000)
                .defaultValue(250.0).unit("ms").later().doc("A higher baseline from the autorate state is ignored"));

        s.add(key("mode", ValueType.SECTION).doc("Assessment mode"));
        CAKE_AWARE = s.add(key("mode.cake_aware", ValueType.BOOL).defaultValue(true)
                .doc("Use CAKE drops and queue (3-state); false is the legacy RTT-only mode"));
        YELLOW_STATE = s.add(key("mode.enable_yellow_state", ValueType.BOOL).defaultValue(true)
                .doc("Accepted for compatibility"));
        USE_CONFIDENCE = s.add(key("mode.use_confidence_scoring", ValueType.BOOL).defaultValue(false)
                .doc("Decide with the confidence score (see confidence.*)"));
        RESET_COUNTERS = s.add(key("mode.reset_counters", ValueType.BOOL).defaultValue(false)
                .doc("Accepted for compatibility; counters are never reset, deltas are used"));

        String c = "confidence";
        s.add(key(c, ValueType.SECTION).doc("Confidence scoring (mode.use_confidence_scoring)"));
        C_STEER = s.add(key(c + ".steer_threshold", ValueType.INT).range(0, 100).defaultValue(55L)
                .doc("Score that starts the steer timer"));
        C_RECOVER = s.add(key(c + ".recovery_threshold", ValueType.INT).range(0, 100).defaultValue(20L)
                .doc("Score at or below which recovery may start"));
        C_SUSTAIN = s.add(key(c + ".sustain_duration_sec", ValueType.NUMBER).range(0, 3600).defaultValue(2.0)
                .unit("s").doc("How long the score must stay high before steering"));
        C_RECOVERY_SUSTAIN = s.add(key(c + ".recovery_sustain_sec", ValueType.NUMBER).range(0, 3600)
                .defaultValue(3.0).unit("s").doc("How long recovery conditions must hold"));
        C_HOLD_DOWN = s.add(key(c + ".hold_down_duration_sec", ValueType.NUMBER).range(0, 3600).defaultValue(30.0)
                .unit("s").doc("No recovery for this long after steering starts"));
        C_DRY_RUN = s.add(key(c + ".dry_run", ValueType.BOOL).defaultValue(true)
                .doc("Log the confidence decisions without acting on them"));
        C_FLAP_ENABLED = s.add(key(c + ".flap_detection_enabled", ValueType.BOOL).defaultValue(true)
                .doc("Raise the threshold after too many toggles"));
        C_FLAP_WINDOW = s.add(key(c + ".flap_window_minutes", ValueType.NUMBER).range(0.1, 1440).defaultValue(5.0)
                .unit("min").doc("Window in which toggles are counted"));
        C_MAX_TOGGLES = s.add(key(c + ".max_toggles", ValueType.INT).range(1, 1000).defaultValue(4L)
                .doc("Toggles in the window above which the penalty applies"));
        C_PENALTY = s.add(key(c + ".penalty_duration_sec", ValueType.NUMBER).range(0, 86400).defaultValue(60.0)
                .unit("s").doc("How long the flap penalty lasts"));
        C_PENALTY_ADD = s.add(key(c + ".penalty_threshold_add", ValueType.INT).range(0, 100).defaultValue(15L)
                .doc("Added to steer_threshold during the penalty"));

        String w = "wan_state";
        s.add(key(w, ValueType.SECTION).later().doc("Use the primary's autorate zone in confidence scoring"));
        W_ENABLED = s.add(key(w + ".enabled", ValueType.BOOL).defaultValue(false).later()
                .doc("Add the autorate zone (congestion.dl_state) to the confidence score"));
        W_RED_WEIGHT = s.add(key(w + ".red_weight", ValueType.INT).range(0, 100).defaultValue(25L).later()
                .doc("Points for an autorate RED zone (SOFT_RED gets 48 % of it)"));
        W_STALENESS = s.add(key(w + ".staleness_threshold_sec", ValueType.NUMBER).range(0.1, 3600)
                .defaultValue(5.0).unit("s").later().doc("An older zone counts as GREEN"));
        W_GRACE = s.add(key(w + ".grace_period_sec", ValueType.NUMBER).range(0, 3600).defaultValue(30.0).unit("s")
                .later().doc("The zone is ignored this long after start"));
        W_OVERRIDE = s.add(key(w + ".wan_override", ValueType.BOOL).defaultValue(false).later()
                .doc("Let an autorate RED alone reach the steer threshold"));

        CommonKeys.ignoreLaterFeatures(s);
        s.ignore("measurement.backend", "measurement.backend is not supported; the probe is built in");
    }

    private SteeringSchema() {}

    /** The schema, for documentation. */
    public static Schema schema() {
        return SCHEMA;
    }
}
