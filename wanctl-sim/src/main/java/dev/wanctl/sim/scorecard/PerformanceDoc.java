package dev.wanctl.sim.scorecard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Generates docs/PERFORMANCE.md: the model's description (a template shipped with the simulator)
 * with a summary table and every scenario's scorecards filled in, so the document is regenerated,
 * never edited by hand, whenever the model or a controller changes.
 */
public final class PerformanceDoc {

    private static final String TEMPLATE = "/dev/wanctl/sim/scorecard/performance-template.md";

    private PerformanceDoc() {
    }

    /** The whole document for these scenario reports. */
    public static String markdown(List<ScenarioReport> reports) {
        String template;
        try (InputStream in = PerformanceDoc.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("resource missing: " + TEMPLATE);
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder cards = new StringBuilder();
        for (ScenarioReport r : reports) {
            cards.append(ScorecardTable.markdown(r)).append('\n');
        }
        return template.replace("{{SUMMARY}}", summary(reports)).replace("{{SCORECARDS}}", cards.toString().stripTrailing() + "\n");
    }

    private static String summary(List<ScenarioReport> reports) {
        StringBuilder sb = new StringBuilder();
        sb.append("| scenario | controller | grade | DL p50 / p99 ms | DL throughput | UL p50 / p99 ms | UL throughput "
                + "| bufferbloat s (DL + UL) | DL drops: reaction median / max s |\n");
        sb.append("|---|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (ScenarioReport r : reports) {
            for (Scorecard s : r.runs()) {
                DirectionResult dl = s.download();
                DirectionResult ul = s.upload();
                sb.append("| ").append(r.scenario())
                        .append(" | ").append(s.controller())
                        .append(" | ").append(s.grade())
                        .append(" | ").append(pair(dl.latencyP50Ms(), dl.latencyP99Ms()))
                        .append(" | ").append(percent(dl.throughputFraction()))
                        .append(" | ").append(pair(ul.latencyP50Ms(), ul.latencyP99Ms()))
                        .append(" | ").append(percent(ul.throughputFraction()))
                        .append(" | ").append(String.format(Locale.ROOT, "%.1f", dl.bufferbloatSeconds() + ul.bufferbloatSeconds()))
                        .append(" | ").append(dl.drops() == 0 ? "-" : dl.drops() + ": "
                                + pair(dl.reactionMedianSeconds(), dl.reactionMaxSeconds()))
                        .append(" |\n");
            }
        }
        return sb.toString();
    }

    private static String pair(double a, double b) {
        return Double.isNaN(a) ? "-" : String.format(Locale.ROOT, "%.1f / %.1f", a, b);
    }

    private static String percent(double f) {
        return Double.isNaN(f) ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * f);
    }
}
