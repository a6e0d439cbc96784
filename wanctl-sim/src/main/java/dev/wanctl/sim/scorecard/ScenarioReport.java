package dev.wanctl.sim.scorecard;

import java.util.List;

/**
 * The scorecards of every controller run on one scenario with the same seed, side by side.
 *
 * @param configPath the wanctl config the scenario stands for (e.g. {@code configs/spectrum.yaml})
 * @param link one line describing each direction's capacity, for readers of the report
 */
public record ScenarioReport(String scenario, String description, String configPath, long seed,
                             double durationSeconds, List<String> link, List<Scorecard> runs) {

    public ScenarioReport {
        link = List.copyOf(link);
        runs = List.copyOf(runs);
    }

    /** The report as JSON with a fixed key order and number format (same run, same bytes). */
    public String toJson() {
        JsonWriter w = new JsonWriter().beginObject(null)
                .value("scenario", scenario)
                .value("description", description)
                .value("config", configPath)
                .value("seed", seed)
                .value("duration_s", durationSeconds);
        w.beginArray("link");
        for (String l : link) {
            w.value(null, l);
        }
        w.endArray();
        w.beginArray("runs");
        for (Scorecard s : runs) {
            w.beginObject(null).value("controller", s.controller()).value("grade", s.grade());
            direction(w, "download", s.download());
            direction(w, "upload", s.upload());
            w.beginObject("router_requests_per_s").value("loaded", s.router().loadedPerSecond())
                    .value("idle", s.router().idlePerSecond()).endObject();
            w.endObject();
        }
        return w.endArray().endObject().toJson();
    }

    /** Several reports as one JSON array. */
    public static String toJsonArray(List<ScenarioReport> reports) {
        StringBuilder sb = new StringBuilder("[\n");
        for (int i = 0; i < reports.size(); i++) {
            sb.append(reports.get(i).toJson().stripTrailing()).append(i + 1 < reports.size() ? ",\n" : "\n");
        }
        return sb.append("]\n").toString();
    }

    private static void direction(JsonWriter w, String key, DirectionResult d) {
        w.beginObject(key)
                .value("loaded_s", d.loadedSeconds())
                .beginObject("added_latency_ms")
                .value("p50", d.latencyP50Ms())
                .value("p95", d.latencyP95Ms())
                .value("p99", d.latencyP99Ms())
                .value("mean", d.latencyMeanMs())
                .endObject()
                .value("throughput_fraction", d.throughputFraction())
                .value("bufferbloat_s", d.bufferbloatSeconds())
                .beginObject("capacity_drops")
                .value("count", (long) d.drops())
                .value("unsettled", (long) d.unsettledDrops())
                .value("reaction_median_s", d.reactionMedianSeconds())
                .value("reaction_max_s", d.reactionMaxSeconds())
                .endObject()
                .value("idle_at_floor_s", d.idleAtFloorSeconds())
                .value("router_writes_per_min", d.routerWritesPerMinute())
                .value("steering_toggles", d.steeringToggles())
                .value("steered_s", d.steeredSeconds())
                .endObject();
    }
}
