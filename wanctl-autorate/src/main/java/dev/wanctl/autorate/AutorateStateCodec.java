package dev.wanctl.autorate;

import dev.wanctl.core.control.AutorateController;
import dev.wanctl.core.control.ControllerParams;
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

    /** The state of {@code c}; {@code appliedDl}/{@code appliedUl} are -1 when nothing was written yet. */
    public static ObjectNode encode(AutorateController c, long appliedDl, long appliedUl, long wallMillis, ZoneId zone) {
        ObjectNode root = JSON.createObjectNode();
        direction(root.putObject("download"), c.download().streaks(), c.downloadRateBps());
        direction(root.putObject("upload"), c.upload().streaks(), c.uploadRateBps());
        ObjectNode ewma = root.putObject("ewma");
        ewma.put("baseline_rtt", c.baselineMs());
        ewma.put("load_rtt", c.loadMs());
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
        congestion.put("dl_state", c.downloadZone().name());
        congestion.put("ul_state", c.uploadZone().name());
        return root;
    }

    private static void direction(ObjectNode n, Streaks s, long rate) {
        n.put("green_streak", s.green());
        n.put("soft_red_streak", s.softRed());
        n.put("red_streak", s.red());
        n.put("current_rate", rate);
    }

    /** What could be taken from a state file, and what was wrong in it. */
    public record Restored(boolean any, OptionalLong appliedDl, OptionalLong appliedUl, List<String> ignored) {}

    /**
     * The largest RTT EWMA a state file may hold: a reply later than 10 s counts as lost, so no
     * measured load can be above it (a persisted 1e308 kept a download RED for 80 s).
     */
    static final double MAX_PLAUSIBLE_RTT_MS = 10_000;

    /**
     * Restores what {@code state} holds into {@code c}, field by field: a missing, malformed or
     * implausible field keeps its default and is named, with the reason, in
     * {@link Restored#ignored()}. Implausible: a rate above the config's ceiling (one below the floor
     * is raised to it, as after a reload that raised the floor), a
     * baseline outside {@code baseline_rtt_bounds} (not clamped: a clamped 1e-9 became a 1 ms
     * baseline that never rose, a clamped 900 ms one took bloat for idle), a load RTT above
     * {@link #MAX_PLAUSIBLE_RTT_MS}, a streak no run could count.
     */
    public static Restored restore(JsonNode state, AutorateController c) {
        List<String> ignored = new ArrayList<>();
        boolean any = false;
        ControllerParams p = c.params();
        JsonNode dl = state.path("download");
        OptionalLong dlRate = rate(dl, "current_rate", "download.current_rate", 0,
                p.download().ceilingBps(), ignored);
        if (dlRate.isPresent()) {
            c.download().restore(dlRate.getAsLong(), streaks(dl, "download", ignored));
            any = true;
        }
        JsonNode ul = state.path("upload");
        OptionalLong ulRate = rate(ul, "current_rate", "upload.current_rate", 0,
                p.upload().ceilingBps(), ignored);
        if (ulRate.isPresent()) {
            c.upload().restore(ulRate.getAsLong(), streaks(ul, "upload", ignored));
            any = true;
        }
        JsonNode ewma = state.path("ewma");
        double baseline = doubleField(ewma, "baseline_rtt", ignored);
        if (!Double.isNaN(baseline) && (baseline < p.rtt().baselineMinMs() || baseline > p.rtt().baselineMaxMs())) {
            ignored.add("ewma.baseline_rtt (" + baseline + " ms is outside baseline_rtt_bounds ["
                    + p.rtt().baselineMinMs() + ", " + p.rtt().baselineMaxMs() + "] ms)");
            baseline = Double.NaN;
        }
        double load = doubleField(ewma, "load_rtt", ignored);
        if (load > MAX_PLAUSIBLE_RTT_MS) {
            ignored.add("ewma.load_rtt (" + load + " ms is above " + MAX_PLAUSIBLE_RTT_MS
                    + " ms, later than any reply counts)");
            load = Double.NaN;
        }
        if (!Double.isNaN(baseline)) {
            // a refused load starts idle, at the restored baseline
            c.tracker().restore(baseline, Double.isNaN(load) ? baseline : load);
            any = true;
        }
        if (c.adaptive() != null && any) {
            // the adaptive law keeps its own rates and RTTs: the same fields
            c.adaptive().restore(dlRate.orElse(c.adaptive().downloadRateBps()),
                    ulRate.orElse(c.adaptive().uploadRateBps()), Double.isNaN(baseline) ? -1 : baseline,
                    Double.isNaN(load) ? -1 : load);
        }
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
