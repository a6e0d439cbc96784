package dev.wanctl.sim.scenario;

import dev.wanctl.sim.link.Direction;
import dev.wanctl.sim.scorecard.ScenarioReport;
import dev.wanctl.sim.scorecard.Scorecard;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Runs one scenario against several controllers with the same seed and collects their scorecards. */
public final class ScenarioRunner {

    private ScenarioRunner() {
    }

    /** The runs, in the order of {@code controllers}. */
    public static List<RunResult> runAll(Scenario scenario, List<NamedController> controllers, boolean record) {
        List<RunResult> out = new ArrayList<>();
        for (NamedController c : controllers) {
            out.add(Simulation.run(scenario, c, record));
        }
        return out;
    }

    /** The scorecards of {@code runs} side by side. */
    public static ScenarioReport report(Scenario scenario, List<RunResult> runs) {
        List<Scorecard> cards = runs.stream().map(RunResult::scorecard).toList();
        List<String> link = new ArrayList<>();
        for (Direction d : Direction.values()) {
            DirectionSetup s = scenario.direction(d);
            link.add(String.format(Locale.ROOT, "%s: %s; ceiling %s, floor %s Mbit/s; FIFO %.0f ms",
                    d == Direction.DOWNLOAD ? "download" : "upload", s.capacity().describe(),
                    mbps(s.ceilingBps()), mbps(s.floorBps()), s.fifoMs()));
        }
        return new ScenarioReport(scenario.name(), scenario.description(), scenario.configPath(), scenario.seed(),
                scenario.durationMs() / 1000.0, link, cards);
    }

    private static String mbps(long bps) {
        double v = bps / 1e6;
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
