package dev.wanctl.autorate;

import dev.wanctl.core.control.AutorateController;
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
     * Restores what {@code state} holds into {@code c}, field by field: a missing or malformed
     * field keeps its default and is named in {@link Restored#ignored()}. Rates are clamped to the
     * current floors and ceiling by the policies.
     */
    public static Restored restore(JsonNode state, AutorateController c) {
        List<String> ignored = new ArrayList<>();
        boolean any = false;
        JsonNode dl = state.path("download");
        OptionalLong dlRate = longField(dl, "current_rate", "download.current_rate", ignored);
        if (dlRate.isPresent()) {
            c.download().restore(dlRate.getAsLong(), streaks(dl, "download", ignored));
            any = true;
        }
        JsonNode ul = state.path("upload");
        OptionalLong ulRate = longField(ul, "current_rate", "upload.current_rate", ignored);
        if (ulRate.isPresent()) {
            c.upload().restore(ulRate.getAsLong(), streaks(ul, "upload", ignored));
            any = true;
        }
        JsonNode ewma = state.path("ewma");
        double baseline = doubleField(ewma, "baseline_rtt", ignored);
        double load = doubleField(ewma, "load_rtt", ignored);
        if (!Double.isNaN(baseline) && !Double.isNaN(load)) {
            c.tracker().restore(baseline, load);
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
                : longField(last, "dl_rate", "last_applied.dl_rate", ignored);
        OptionalLong appliedUl = last.path("ul_rate").isNull() ? OptionalLong.empty()
                : longField(last, "ul_rate", "last_applied.ul_rate", ignored);
        return new Restored(any, appliedDl, appliedUl, List.copyOf(ignored));
    }

    private static Streaks streaks(JsonNode n, String prefix, List<String> ignored) {
        int green = (int) longField(n, "green_streak", prefix + ".green_streak", ignored).orElse(0);
        int softRed = (int) longField(n, "soft_red_streak", prefix + ".soft_red_streak", ignored).orElse(0);
        int red = (int) longField(n, "red_streak", prefix + ".red_streak", ignored).orElse(0);
        return new Streaks(Math.max(0, green), Math.max(0, softRed), Math.max(0, red));
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
