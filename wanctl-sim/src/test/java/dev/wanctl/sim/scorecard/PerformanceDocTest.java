package dev.wanctl.sim.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.sim.scenario.Baselines;
import dev.wanctl.sim.scenario.Scenario;
import dev.wanctl.sim.scenario.ScenarioLoader;
import dev.wanctl.sim.scenario.ScenarioRunner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerformanceDocTest {

    @Test
    void documentHasTheModelAndAScorecardForEveryBundledScenarioAndController() {
        List<ScenarioReport> reports = new ArrayList<>();
        for (String name : ScenarioLoader.bundledNames()) {
            Scenario s = ScenarioLoader.load(name).with(null, 15_000L);
            reports.add(ScenarioRunner.report(s, ScenarioRunner.runAll(s, Baselines.all(), false)));
        }
        String doc = PerformanceDoc.markdown(reports);
        assertThat(doc).doesNotContain("{{").contains("## How the simulation works", "### Where the model is simplified",
                "## Scenario files");
        for (String name : ScenarioLoader.bundledNames()) {
            assertThat(doc).contains("### " + name + "\n");
            for (String controller : List.of("none", "static", "oracle")) {
                assertThat(doc).contains("| " + name + " | " + controller + " |");
            }
        }
    }
}
