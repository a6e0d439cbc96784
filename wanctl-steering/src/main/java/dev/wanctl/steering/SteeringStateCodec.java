package dev.wanctl.steering;

import dev.wanctl.core.control.SteeringHysteresis;
import dev.wanctl.core.control.SteeringLaw;
import dev.wanctl.core.control.Zone;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The steering state file in the reference implementation's shape (wanctl-python.md §3.6), so a
 * Python wanctl steering state is resumed and tools reading it keep working: {@code current_state},
 * {@code bad_count}, {@code good_count}, {@code red_count}, {@code baseline_rtt},
 * {@code history_rtt}, {@code history_delta}, {@code transitions}, {@code last_transition_time},
 * {@code rtt_delta_ewma}, {@code queue_ewma}, {@code cake_drops_history},
 * {@code queue_depth_history}, {@code cake_state_history}, {@code congestion_state},
 * {@code cake_read_failures}.
 */
final class SteeringStateCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** ISO-8601 with milliseconds and the offset ({@code Z} in UTC), as docs/LOGGING.md shows. */
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private SteeringStateCodec() {}

    /** The state names of one config: {@code <PRIMARY>_GOOD} and {@code <PRIMARY>_DEGRADED}. */
    record Names(String good, String degraded) {

        String of(SteeringHysteresis.State s) {
            return s == SteeringHysteresis.State.GOOD ? good : degraded;
        }

        /** Any {@code *_GOOD} / {@code *_DEGRADED} name (the reference's legacy names too); null otherwise. */
        static SteeringHysteresis.State parse(String name) {
            if (name.endsWith("_GOOD")) {
                return SteeringHysteresis.State.GOOD;
            }
            if (name.endsWith("_DEGRADED")) {
                return SteeringHysteresis.State.DEGRADED;
            }
            return null;
        }
    }

    static ObjectNode encode(SteeringMemory m, SteeringLaw law, Names names, int cakeReadFailures, ZoneId zone) {
        ObjectNode root = JSON.createObjectNode();
        root.put("current_state", names.of(law.state()));
        root.put("bad_count", law.redCount());
        root.put("good_count", law.goodCount());
        root.put("red_count", law.redCount());
        number(root, "baseline_rtt", m.baselineMs());
        decimals(root.putArray("history_rtt"), m.rtt);
        decimals(root.putArray("history_delta"), m.delta);
        ArrayNode transitions = root.putArray("transitions");
        for (SteeringMemory.Transition t : m.transitions()) {
            ObjectNode o = transitions.addObject();
            o.put("timestamp", iso(t.wallMillis(), zone));
            o.put("from", t.from());
            o.put("to", t.to());
            o.put("bad_count", t.badCount());
            o.put("good_count", t.goodCount());
        }
        if (m.lastTransitionWallMillis() >= 0) {
            root.put("last_transition_time", iso(m.lastTransitionWallMillis(), zone));
        } else {
            root.putNull("last_transition_time");
        }
        number(root, "rtt_delta_ewma", law.rttEwmaMs());
        number(root, "queue_ewma", law.queueEwma());
        counts(root.putArray("cake_drops_history"), m.drops);
        counts(root.putArray("queue_depth_history"), m.queue);
        ArrayNode states = root.putArray("cake_state_history");
        for (int i = 0; i < m.cakeStates.size(); i++) {
            states.add(Zone.values()[(int) m.cakeStates.get(i)].name());
        }
        root.put("congestion_state", law.congestion().name());
        root.put("cake_read_failures", cakeReadFailures);
        return root;
    }

    /** When a wall time is shown to people: ISO-8601 with the local offset and milliseconds. */
    static String iso(long wallMillis, ZoneId zone) {
        return ISO.format(Instant.ofEpochMilli(wallMillis).atZone(zone));
    }

    /** What a state file held, and what in it was unusable. */
    record Restored(boolean any, SteeringHysteresis.State state, List<String> ignored) {}

    /**
     * Restores what {@code state} holds into {@code m} and {@code law}, field by field: a missing or
     * malformed field keeps its default and is named in {@link Restored#ignored()}; histories keep
     * their newest entries up to the configured size.
     */
    static Restored restore(JsonNode state, SteeringMemory m, SteeringLaw law, ZoneId zone) {
        List<String> ignored = new ArrayList<>();
        JsonNode current = state.path("current_state");
        SteeringHysteresis.State s = current.isString() ? Names.parse(current.asString()) : null;
        if (s == null && !current.isMissingNode()) {
            ignored.add("current_state (" + current + ")");
        }
        int red = count(state, state.has("red_count") ? "red_count" : "bad_count", ignored);
        int good = count(state, "good_count", ignored);
        double rttEwma = decimal(state, "rtt_delta_ewma", ignored);
        double queueEwma = decimal(state, "queue_ewma", ignored);
        history(state, "history_rtt", m.rtt, ignored);
        history(state, "history_delta", m.delta, ignored);
        history(state, "cake_drops_history", m.drops, ignored);
        history(state, "queue_depth_history", m.queue, ignored);
        JsonNode states = state.path("cake_state_history");
        if (states.isArray()) {
            for (JsonNode z : states) {
                Zone zz = zone(z);
                if (zz != null) {
                    m.cakeStates.add(zz.ordinal());
                }
            }
        }
        law.restore(new SteeringLaw.Memory(s == null ? SteeringHysteresis.State.GOOD : s, red, good, rttEwma, queueEwma,
                zone(state.path("congestion_state"))));
        for (JsonNode t : state.path("transitions")) {
            long at = wall(t.path("timestamp"), zone);
            if (at >= 0) {
                m.addTransition(new SteeringMemory.Transition(at, t.path("from").asString(""),
                        t.path("to").asString(""), t.path("bad_count").asInt(0), t.path("good_count").asInt(0)));
            }
        }
        long last = wall(state.path("last_transition_time"), zone);
        if (last >= 0) {
            m.lastTransitionWallMillis(last);
        }
        return new Restored(s != null, s == null ? SteeringHysteresis.State.GOOD : s, List.copyOf(ignored));
    }

    /**
     * Carries what the running cycle learned ({@code fromMemory}, {@code fromLaw}) over to the new
     * one of a reload, as a state file would (the same fields, histories bounded by the new size,
     * the baseline left to the first cycle), but without JSON in between: the EWMAs go on unrounded.
     */
    static void carryOver(SteeringMemory fromMemory, SteeringLaw fromLaw, SteeringMemory toMemory, SteeringLaw toLaw) {
        toMemory.carryOver(fromMemory);
        toLaw.restore(fromLaw.memory());
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, Math.round(v * 1000) / 1000.0);
        } else {
            o.putNull(key);
        }
    }

    private static void decimals(ArrayNode a, History h) {
        for (int i = 0; i < h.size(); i++) {
            a.add(Math.round(h.get(i) * 1000) / 1000.0);
        }
    }

    private static void counts(ArrayNode a, History h) {
        for (int i = 0; i < h.size(); i++) {
            a.add(Math.round(h.get(i)));
        }
    }

    private static int count(JsonNode state, String key, List<String> ignored) {
        JsonNode v = state.path(key);
        if (v.isMissingNode()) {
            return 0;
        }
        if (v.isNumber() && v.asDouble() >= 0) {
            return (int) Math.min(Integer.MAX_VALUE, v.asLong());
        }
        ignored.add(key + " (" + v + ")");
        return 0;
    }

    private static double decimal(JsonNode state, String key, List<String> ignored) {
        JsonNode v = state.path(key);
        if (v.isMissingNode() || v.isNull()) {
            return Double.NaN;
        }
        if (v.isNumber() && Double.isFinite(v.asDouble())) {
            return v.asDouble();
        }
        ignored.add(key + " (" + v + ")");
        return Double.NaN;
    }

    private static void history(JsonNode state, String key, History into, List<String> ignored) {
        JsonNode v = state.path(key);
        if (v.isMissingNode() || v.isNull()) {
            return;
        }
        if (!v.isArray()) {
            ignored.add(key + " (not a list)");
            return;
        }
        for (JsonNode e : v) {
            if (e.isNumber() && Double.isFinite(e.asDouble())) {
                into.add(e.asDouble());
            }
        }
    }

    private static Zone zone(JsonNode v) {
        if (!v.isString()) {
            return null;
        }
        try {
            return Zone.valueOf(v.asString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** An ISO time with an offset, or a local one (the reference's {@code isoformat()}); -1 when neither. */
    private static long wall(JsonNode v, ZoneId zone) {
        if (!v.isString()) {
            return -1;
        }
        String s = v.asString();
        try {
            return OffsetDateTime.parse(s).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).atZone(zone).toInstant().toEpochMilli();
            } catch (DateTimeParseException e2) {
                return -1;
            }
        }
    }
}
