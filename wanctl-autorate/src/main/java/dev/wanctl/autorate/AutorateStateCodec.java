package dev.wanctl.autorate;

import dev.wanctl.core.control.ControlLaw;
import dev.wanctl.core.control.ControllerParams;
import dev.wanctl.core.control.ControllerState;
import dev.wanctl.core.control.LawDecision;
import dev.wanctl.core.control.Streaks;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The autorate state file in the reference implementation's shape, so a Python wanctl state
 * file is picked up by this daemon and the steering daemon reads ours:
 * {@code download{green_streak, soft_red_streak, red_streak, current_rate}}, {@code upload{...}},
 * {@code ewma{baseline_rtt, load_rtt}}, {@code last_applied{dl_rate, ul_rate}}, {@code timestamp}
 * (local ISO-8601) and {@code congestion{dl_state, ul_state}}. Rates are integer bit/s.
 */
public final class AutorateStateCodec {

    /** Keys whose change alone does not make the file worth rewriting. */
    public static final String[] VOLATILE_KEYS = {"timestamp", "congestion"};

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter LOCAL_ISO = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    private AutorateStateCodec() {}

    /** The state of {@code law}; {@code appliedDl}/{@code appliedUl} are -1 when nothing was written yet. */
    public static ObjectNode encode(ControlLaw law, long appliedDl, long appliedUl, long wallMillis, ZoneId zone) {
        ControllerState s = law.state();
        LawDecision d = law.decision();
        ObjectNode root = JSON.createObjectNode();
        direction(root.putObject("download"), s.download());
        direction(root.putObject("upload"), s.upload());
        ObjectNode ewma = root.putObject("ewma");
        ewma.put("baseline_rtt", s.rtt().baselineMs());
        ewma.put("load_rtt", s.rtt().loadMs());
        ObjectNode last = root.putObject("last_applied");
        if (appliedDl >= 0) {
            last.put("dl_rate", appliedDl);
            last.put("ul_rate", appliedUl);
        } else {
            last.putNull("dl_rate");
            last.putNull("ul_rate");
        }
        root.put("timestamp", LOCAL_ISO.format(Instant.ofEpochMilli(wallMillis).atZone(zone).toLocalDateTime()));
        ObjectNode congestion = root.putObject("congestion");
        congestion.put("dl_state", d.downloadZone().name());
        congestion.put("ul_state", d.uploadZone().name());
        return root;
    }

    private static void direction(ObjectNode n, ControllerState.Direction d) {
        Streaks s = d.streaks();
        n.put("green_streak", s.green());
        n.put("soft_red_streak", s.softRed());
        n.put("red_streak", s.red());
        n.put("current_rate", d.rateBps());
    }

    /** What could be taken from a state file, and what was wrong in it. */
    public record Restored(boolean any, OptionalLong appliedDl, OptionalLong appliedUl, List<String> ignored) {}

    /** The largest RTT EWMA a state file may hold ({@link ControllerState#MAX_PLAUSIBLE_RTT_MS}). */
    static final double MAX_PLAUSIBLE_RTT_MS = ControllerState.MAX_PLAUSIBLE_RTT_MS;

    /**
     * Restores what {@code state} holds into {@code law}, field by field: a missing, malformed or
     * implausible field keeps its default and is named, with the reason, in
     * {@link Restored#ignored()}. Implausible as {@link ControllerState#admit} says: a rate above
     * the config's ceiling (one below the floor is raised to it, as after a reload that raised the
     * floor), a baseline outside {@code baseline_rtt_bounds}, a load RTT above
     * {@link #MAX_PLAUSIBLE_RTT_MS}; and a streak no run could count.
     */
    public static Restored restore(JsonNode state, ControlLaw law) {
        List<String> ignored = new ArrayList<>();
        ControllerParams p = law.params();
        ControllerState.Direction dl = direction(state.path("download"), "download", p.download().ceilingBps(), ignored);
        ControllerState.Direction ul = direction(state.path("upload"), "upload", p.upload().ceilingBps(), ignored);
        JsonNode ewma = state.path("ewma");
        double baseline = doubleField(ewma, "baseline_rtt", ignored);
        if (!Double.isNaN(baseline) && !ControllerState.baselineAdmitted(baseline, p.rtt(), ignored)) {
            baseline = Double.NaN;
        }
        double load = doubleField(ewma, "load_rtt", ignored);
        if (!Double.isNaN(load) && !ControllerState.loadAdmitted(load, ignored)) {
            load = Double.NaN;
        }
        ControllerState restored = new ControllerState(dl, ul,
                Double.isNaN(baseline) ? null : new ControllerState.Rtt(baseline, load));
        law.restore(restored);
        boolean any = restored.any();
        JsonNode last = state.path("last_applied");
        OptionalLong appliedDl = last.path("dl_rate").isNull() ? OptionalLong.empty()
                : rate(last, "dl_rate", "last_applied.dl_rate", 1, PLAUSIBLE_MAX_BPS, ignored);
        OptionalLong appliedUl = last.path("ul_rate").isNull() ? OptionalLong.empty()
                : rate(last, "ul_rate", "last_applied.ul_rate", 1, PLAUSIBLE_MAX_BPS, ignored);
        if (appliedDl.isEmpty() || appliedUl.isEmpty()) {
            // only a pair is worth anything: the writer then sends both rates once
            appliedDl = OptionalLong.empty();
            appliedUl = OptionalLong.empty();
        }
        return new Restored(any, appliedDl, appliedUl, List.copyOf(ignored));
    }

    /** A max-limit RouterOS could hold (its queues stop at about 4.3 Tbit/s; no WAN is near). */
    private static final long PLAUSIBLE_MAX_BPS = 1_000_000_000_000L;

    /** A direction's rate and streaks; null when its rate is missing or refused. */
    private static ControllerState.Direction direction(JsonNode n, String prefix, long ceilingBps,
            List<String> ignored) {
        String path = prefix + ".current_rate";
        OptionalLong rate = longField(n, "current_rate", path, ignored);
        if (rate.isEmpty() || !ControllerState.rateAdmitted(rate.getAsLong(), ceilingBps, path, ignored)) {
            return null;
        }
        return new ControllerState.Direction(rate.getAsLong(), streaks(n, prefix, ignored));
    }

    /**
     * Carries what {@code from} learned over to {@code to} (a reload), checked against
     * {@code to}'s config as a state file is: no JSON in between.
     */
    public static void carryOver(ControlLaw from, ControlLaw to) {
        to.restore(from.state().admit(to.params(), new ArrayList<>()));
    }

    private static OptionalLong rate(JsonNode parent, String name, String path, long minBps, long maxBps,
            List<String> ignored) {
        OptionalLong v = longField(parent, name, path, ignored);
        if (v.isPresent() && (v.getAsLong() < minBps || v.getAsLong() > maxBps)) {
            ignored.add(path + " (" + v.getAsLong() + " bit/s is outside [" + minBps + ", " + maxBps + "])");
            return OptionalLong.empty();
        }
        return v;
    }

    private static Streaks streaks(JsonNode n, String prefix, List<String> ignored) {
        int green = streak(n, "green_streak", prefix, ignored);
        int softRed = streak(n, "soft_red_streak", prefix, ignored);
        int red = streak(n, "red_streak", prefix, ignored);
        return new Streaks(green, softRed, red);
    }

    private static int streak(JsonNode n, String name, String prefix, List<String> ignored) {
        long v = longField(n, name, prefix + "." + name, ignored).orElse(0);
        if (v > Integer.MAX_VALUE) {
            // more than 8 months of 10 ms cycles: an overflowed or invented value
            ignored.add(prefix + "." + name + " (" + v + " cycles is more than any run counts)");
            return 0;
        }
        return (int) v;
    }

    private static OptionalLong longField(JsonNode parent, String name, String path, List<String> ignored) {
        JsonNode v = parent.path(name);
        if (v.isMissingNode()) {
            return OptionalLong.empty();
        }
        if (v.isNumber() && v.asDouble() >= 0 && Double.isFinite(v.asDouble())) {
            return OptionalLong.of(Math.round(v.asDouble()));
        }
        ignored.add(path + " (" + v + ")");
        return OptionalLong.empty();
    }

    private static double doubleField(JsonNode parent, String name, List<String> ignored) {
        JsonNode v = parent.path(name);
        if (v.isMissingNode()) {
            return Double.NaN;
        }
        if (v.isNumber() && v.asDouble() > 0 && Double.isFinite(v.asDouble())) {
            return v.asDouble();
        }
        ignored.add("ewma." + name + " (" + v + ")");
        return Double.NaN;
    }
}
