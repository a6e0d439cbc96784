package dev.wanctl.autorate;

import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.control.AutorateStep;
import dev.wanctl.core.control.FallbackPolicy;
import dev.wanctl.core.control.LawDecision;
import dev.wanctl.core.control.LawInput;
import dev.wanctl.core.control.WriteGate;
import dev.wanctl.core.control.Zone;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Runs the autorate controller, with its write suppression and rate limiter, over a recorded RTT
 * series on a virtual clock at the configured interval: what the daemon would have decided. For
 * tuning a config against a recording and for checking parity with the reference implementation.
 */
public final class Replay {

    /** The CSV header of the per-cycle output. */
    public static final String HEADER = "cycle,rtt_ms,load_ewma_ms,baseline_ms,delta_ms,dl_zone,ul_zone,dl_bps,ul_bps,write";

    private final AutorateConfig config;

    public Replay(AutorateConfig config) {
        this.config = config;
    }

    /**
     * Reads the recording (CSV, header line, first column {@code rtt_ms}, an empty value for a
     * failed measurement), writes one CSV row per cycle to {@code out}, returns the summary.
     *
     * @throws ReplayInputException for a malformed recording, naming the line
     */
    public ReplaySummary run(BufferedReader recording, PrintWriter out) throws IOException {
        AutoratePipeline pipeline = AutoratePipeline.of(config);
        AutorateStep step = pipeline.step();
        WriteGate gate = pipeline.gate();
        LawInput input = pipeline.input();
        LawDecision d = pipeline.law().decision();
        long intervalNanos = config.interval().toNanos();
        ReplaySummary.Builder summary = new ReplaySummary.Builder(intervalNanos);

        String header = recording.readLine();
        if (header == null) {
            throw new ReplayInputException(1, "the recording is empty; expected a header line starting with rtt_ms");
        }
        if (!firstColumn(header).trim().equalsIgnoreCase("rtt_ms")) {
            throw new ReplayInputException(1, "the first column must be rtt_ms, got \"" + firstColumn(header) + "\"");
        }
        out.println(HEADER);
        String line;
        int lineNo = 1;
        long cycle = 0;
        while ((line = recording.readLine()) != null) {
            lineNo++;
            double rtt = parseRtt(firstColumn(line).trim(), lineNo);
            long now = cycle * intervalNanos;
            // a recording has RTTs only: fresh replies, no byte counters, nothing known on the router
            AutorateStep.Outcome outcome = step.update(input.rtt(rtt, 0), FallbackPolicy.Connectivity.PRESENT);
            long dl = d.downloadRateBps();
            long ul = d.uploadRateBps();
            gate.restoring(d.downloadRestoreBps(), d.uploadRestoreBps());
            boolean write = gate.decide(dl, ul, now) == WriteGate.Decision.WRITE;
            if (write) {
                gate.applied(dl, ul, now);
            }
            row(out, cycle, rtt, d, write);
            summary.cycle(d.downloadZone(), d.uploadZone(), dl, ul, write,
                    outcome != AutorateStep.Outcome.MEASURED);
            cycle++;
        }
        return summary.build(gate.rateLimitedCount());
    }

    private static String firstColumn(String line) {
        int comma = line.indexOf(',');
        return comma < 0 ? line : line.substring(0, comma);
    }

    private static double parseRtt(String text, int lineNo) {
        if (text.isEmpty()) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(text);
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new ReplayInputException(lineNo, "rtt_ms must be a non-negative number of ms or empty,"
                        + " got \"" + text + "\"");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ReplayInputException(lineNo, "rtt_ms must be a number of ms or empty (a lost measurement),"
                    + " got \"" + text + "\"");
        }
    }

    private static void row(PrintWriter out, long cycle, double rtt, LawDecision c, boolean write) {
        out.print(cycle);
        out.print(',');
        if (!Double.isNaN(rtt)) {
            out.print(ms(rtt));
        }
        out.print(',');
        out.print(ms(c.loadMs()));
        out.print(',');
        out.print(ms(c.baselineMs()));
        out.print(',');
        out.print(ms(c.deltaMs()));
        out.print(',');
        out.print(zone(c.downloadZone()));
        out.print(',');
        out.print(zone(c.uploadZone()));
        out.print(',');
        out.print(c.downloadRateBps());
        out.print(',');
        out.print(c.uploadRateBps());
        out.print(',');
        out.println(write ? '1' : '0');
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String zone(Zone z) {
        return z.name();
    }
}
