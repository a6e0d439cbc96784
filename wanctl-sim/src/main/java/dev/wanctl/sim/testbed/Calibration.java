package dev.wanctl.sim.testbed;

import dev.wanctl.sim.scorecard.DirectionResult;
import dev.wanctl.sim.scorecard.Scorecard;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The simulator's and the testbed's scorecards of one scenario and controller, number by number,
 * with whether they agree within the calibration targets: p99 added latency within 30 % or
 * 10 ms, throughput within 5 points, the median reaction to a capacity drop within 30 % or 1 s.
 */
public record Calibration(Scorecard simulator, Scorecard testbed, List<Row> rows) {

    /** One compared number; {@code agrees} is null for numbers shown but not held to a target. */
    public record Row(String direction, String metric, double simulator, double testbed, Boolean agrees) {}

    /** Compares the two scorecards. */
    public static Calibration of(Scorecard simulator, Scorecard testbed) {
        List<Row> rows = new ArrayList<>();
        add(rows, "download", simulator.download(), testbed.download());
        add(rows, "upload", simulator.upload(), testbed.upload());
        return new Calibration(simulator, testbed, List.copyOf(rows));
    }

    private static void add(List<Row> rows, String dir, DirectionResult sim, DirectionResult tb) {
        if (!(sim.loadedSeconds() > 0)) {
            return;
        }
        rows.add(new Row(dir, "p99 ms", sim.latencyP99Ms(), tb.latencyP99Ms(),
                within(sim.latencyP99Ms(), tb.latencyP99Ms(), 0.30, 10)));
        rows.add(new Row(dir, "p50 ms", sim.latencyP50Ms(), tb.latencyP50Ms(), null));
        rows.add(new Row(dir, "throughput %", 100 * sim.throughputFraction(), 100 * tb.throughputFraction(),
                within(100 * sim.throughputFraction(), 100 * tb.throughputFraction(), 0, 5)));
        rows.add(new Row(dir, "reaction s", sim.reactionMedianSeconds(), tb.reactionMedianSeconds(),
                within(sim.reactionMedianSeconds(), tb.reactionMedianSeconds(), 0.30, 1)));
        rows.add(new Row(dir, "bufferbloat s", sim.bufferbloatSeconds(), tb.bufferbloatSeconds(), null));
        rows.add(new Row(dir, "writes/min", sim.routerWritesPerMinute(), tb.routerWritesPerMinute(), null));
    }

    /** Within {@code fraction} of the simulator's value or {@code absolute}, whichever is wider; NaN only matches NaN. */
    static boolean within(double sim, double tb, double fraction, double absolute) {
        if (Double.isNaN(sim) || Double.isNaN(tb)) {
            return Double.isNaN(sim) && Double.isNaN(tb);
        }
        return Math.abs(tb - sim) <= Math.max(absolute, fraction * Math.abs(sim));
    }

    /** Every held number agrees. */
    public boolean agrees() {
        return rows.stream().allMatch(r -> r.agrees() == null || r.agrees());
    }

    /** A compared number in words, e.g. "download p99 ms: simulator 103, testbed 78". */
    public static String describe(Row r) {
        return String.format(Locale.ROOT, "%s %s: simulator %s, testbed %s", r.direction(), r.metric(),
                fmt(r.simulator()), fmt(r.testbed()));
    }

    /** A plain-text table of the comparison. */
    public String text() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s / %s%n", testbed.scenario(), testbed.controller()));
        b.append(String.format(Locale.ROOT, "  %-9s %-14s %10s %10s  %s%n", "direction", "number", "simulator",
                "testbed", "agree"));
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "  %-9s %-14s %10s %10s  %s%n", r.direction(), r.metric(),
                    fmt(r.simulator()), fmt(r.testbed()), r.agrees() == null ? "" : r.agrees() ? "yes" : "NO"));
        }
        return b.toString();
    }

    /** Markdown rows (one per direction) for the calibration table of docs/PERFORMANCE.md. */
    public String markdownRows() {
        StringBuilder b = new StringBuilder();
        for (String dir : List.of("download", "upload")) {
            List<Row> rs = rows.stream().filter(r -> r.direction().equals(dir)).toList();
            if (rs.isEmpty()) {
                continue;
            }
            b.append("| ").append(testbed.controller()).append(" | ").append(dir);
            for (String metric : List.of("p99 ms", "throughput %", "reaction s")) {
                Row r = rs.stream().filter(x -> x.metric().equals(metric)).findFirst().orElseThrow();
                b.append(" | ").append(fmt(r.testbed())).append(" / ").append(fmt(r.simulator()))
                        .append(r.agrees() ? " ✓" : " ✗");
            }
            Row p50 = rs.stream().filter(x -> x.metric().equals("p50 ms")).findFirst().orElseThrow();
            Row writes = rs.stream().filter(x -> x.metric().equals("writes/min")).findFirst().orElseThrow();
            b.append(" | ").append(fmt(p50.testbed())).append(" / ").append(fmt(p50.simulator()));
            b.append(" | ").append(fmt(writes.testbed())).append(" / ").append(fmt(writes.simulator())).append(" |\n");
        }
        return b.toString();
    }

    /** The header of {@link #markdownRows}. */
    public static String markdownHeader() {
        return "| controller | direction | p99 ms (testbed / sim) | throughput % | reaction s | p50 ms | writes/min |\n"
                + "|---|---|---|---|---|---|---|\n";
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return Math.abs(v) >= 10 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
