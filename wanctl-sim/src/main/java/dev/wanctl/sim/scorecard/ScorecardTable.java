package dev.wanctl.sim.scorecard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Renders a {@link ScenarioReport} for people: per direction one row per controller, as aligned
 * text for a terminal or as Markdown tables for docs/PERFORMANCE.md.
 */
public final class ScorecardTable {

    private static final List<String> HEADER = List.of(
            "controller", "grade", "loaded s", "p50 ms", "p95 ms", "p99 ms", "mean ms", "throughput",
            "bloat s", "drops", "react med s", "react max s", "idle@floor s", "writes/min", "steer");

    private ScorecardTable() {
    }

    /** Aligned plain text. */
    public static String text(ScenarioReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.scenario()).append("  seed ").append(r.seed())
                .append("  ").append(num(r.durationSeconds(), 0)).append(" s simulated")
                .append("  config ").append(r.configPath()).append('\n');
        for (String l : r.link()) {
            sb.append("  ").append(l).append('\n');
        }
        for (boolean down : new boolean[] {true, false}) {
            sb.append('\n').append(down ? "download" : "upload")
                    .append(" (added latency while loaded; throughput = delivered / capacity while loaded)\n");
            List<List<String>> rows = rows(r, down);
            int[] widths = new int[HEADER.size()];
            for (List<String> row : rows) {
                for (int i = 0; i < row.size(); i++) {
                    widths[i] = Math.max(widths[i], row.get(i).length());
                }
            }
            for (List<String> row : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < row.size(); i++) {
                    String cell = row.get(i);
                    String pad = " ".repeat(widths[i] - cell.length());
                    line.append(i == 0 ? cell + pad : "  " + pad + cell);
                }
                sb.append(line.toString().stripTrailing()).append('\n');
            }
        }
        String load = routerLoad(r);
        if (!load.isEmpty()) {
            sb.append('\n').append(load).append('\n');
        }
        return sb.toString();
    }

    /**
     * One line: each controller's router requests a second (reads and writes, while loaded /
     * while idle); empty when no controller talks to a router.
     */
    private static String routerLoad(ScenarioReport r) {
        StringBuilder sb = new StringBuilder();
        for (Scorecard s : r.runs()) {
            RouterLoad l = s.router();
            if (Double.isNaN(l.loadedPerSecond()) && Double.isNaN(l.idlePerSecond())) {
                continue;
            }
            sb.append(sb.isEmpty() ? "" : ", ").append(s.controller()).append(' ')
                    .append(num(l.loadedPerSecond(), 2)).append(" / ").append(num(l.idlePerSecond(), 2));
        }
        return sb.isEmpty() ? "" : "Router requests per second by the controller (reads and writes; steering's, where it runs beside, not counted), loaded / idle: " + sb + ".";
    }

    /** Markdown: a heading, the link lines, and one table per direction. */
    public static String markdown(ScenarioReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("### ").append(r.scenario()).append("\n\n")
                .append(r.description().strip()).append("\n\n")
                .append("Config `").append(r.configPath()).append("`, seed ").append(r.seed()).append(", ")
                .append(num(r.durationSeconds(), 0)).append(" s simulated.\n\n");
        for (String l : r.link()) {
            sb.append("- ").append(l).append('\n');
        }
        for (boolean down : new boolean[] {true, false}) {
            sb.append('\n').append(down ? "Download" : "Upload").append(":\n\n");
            List<List<String>> rows = rows(r, down);
            for (int k = 0; k < rows.size(); k++) {
                sb.append("| ").append(String.join(" | ", rows.get(k))).append(" |\n");
                if (k == 0) {
                    sb.append("|---").append("|---:".repeat(HEADER.size() - 1)).append("|\n");
                }
            }
        }
        String load = routerLoad(r);
        if (!load.isEmpty()) {
            sb.append('\n').append(load).append('\n');
        }
        return sb.toString();
    }

    private static List<List<String>> rows(ScenarioReport r, boolean down) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Scorecard s : r.runs()) {
            DirectionResult d = down ? s.download() : s.upload();
            Function<Double, String> ms = v -> num(v, 1);
            rows.add(List.of(
                    s.controller(),
                    s.grade(),
                    num(d.loadedSeconds(), 0),
                    ms.apply(d.latencyP50Ms()),
                    ms.apply(d.latencyP95Ms()),
                    ms.apply(d.latencyP99Ms()),
                    ms.apply(d.latencyMeanMs()),
                    Double.isNaN(d.throughputFraction()) ? "-" : num(100 * d.throughputFraction(), 1) + " %",
                    num(d.bufferbloatSeconds(), 1),
                    d.drops() + (d.unsettledDrops() > 0 ? " (" + d.unsettledDrops() + " unsettled)" : ""),
                    num(d.reactionMedianSeconds(), 2),
                    num(d.reactionMaxSeconds(), 2),
                    num(d.idleAtFloorSeconds(), 1),
                    num(d.routerWritesPerMinute(), 1),
                    d.steeringToggles() == null ? "-" : d.steeringToggles().toString()));
        }
        return rows;
    }

    private static String num(double v, int decimals) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
