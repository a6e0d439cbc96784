package dev.wanctl.steering;

import dev.wanctl.core.config.SteeringConfig;
import dev.wanctl.core.control.SteeringLaw;
import dev.wanctl.core.control.Zone;
import dev.wanctl.core.runtime.RecordingReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Steps steering's decision ({@link SteeringLaw}, as the daemon builds it from the config) over a
 * recording of its signals, one row a cycle, and prints what it decides and when it toggles the
 * rule: what the daemon would have done. For tuning a steering config against a recording.
 *
 * <p>The recording is steering's flight recording ({@code wanctl plot} format: {@code # key=value}
 * lines, then a header) or any CSV with the same column names. Columns are found by name:
 * {@code rtt_ms} and {@code baseline_ms} are needed (an empty value holds the cycle, as a lost
 * measurement or an unknown baseline does in the daemon); {@code t_s} (else one interval a row),
 * {@code drops} and {@code queued_packets} (else 0, as with no CAKE reading), {@code wan_zone} and
 * {@code wan_zone_age_s} (else unknown) are optional. The replay starts as a daemon without a
 * state file does: state GOOD, the rule disabled; a toggle is verified at the next cycle.
 */
public final class SteeringReplay {

    /** The CSV header of the per-cycle output. */
    public static final String HEADER = "cycle,t_s,rtt_ms,baseline_ms,delta_ms,rtt_ewma_ms,queue_ewma,drops,"
            + "queued_packets,congestion,state,red_count,good_count,score,rule,toggle";

    /** A recording the replay cannot read, with the line (1-based) where it went wrong. */
    public static final class InputException extends RuntimeException {
        private final int line;

        InputException(int line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /**
     * What a replay did, for people.
     *
     * @param heldCycles cycles without an RTT or a baseline (nothing decided)
     * @param zoneCycles decided cycles per congestion zone, indexed by {@link Zone#ordinal()}
     * @param steeredCycles cycles after which the rule was enabled
     * @param missing optional columns the recording lacked (their defaults were used)
     */
    public record Summary(long cycles, long intervalNanos, long heldCycles, long[] zoneCycles, long enables,
            long disables, long steeredCycles, List<String> missing) {

        /** A few lines of text. */
        public String describe() {
            double interval = intervalNanos / 1e9;
            long decided = cycles - heldCycles;
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "steering replay: %d cycles (%.1f s at %d ms), %d held (no RTT or"
                    + " no baseline)%n", cycles, cycles * interval, Math.round(interval * 1000), heldCycles));
            sb.append("congestion, decided cycles: ");
            boolean first = true;
            for (Zone z : List.of(Zone.GREEN, Zone.YELLOW, Zone.RED)) {
                long n = zoneCycles[z.ordinal()];
                sb.append(first ? "" : ", ").append(String.format(Locale.ROOT, "%s %.1f%% (%.1f s)", z,
                        decided == 0 ? 0 : 100.0 * n / decided, n * interval));
                first = false;
            }
            sb.append('\n');
            sb.append(String.format(Locale.ROOT, "rule toggles: %d enable, %d disable; steered %.1f%% of the time"
                    + " (%.1f s)%n", enables, disables, cycles == 0 ? 0 : 100.0 * steeredCycles / cycles,
                    steeredCycles * interval));
            if (!missing.isEmpty()) {
                sb.append("not in the recording, taken as unknown or 0: ").append(String.join(", ", missing))
                        .append('\n');
            }
            return sb.toString();
        }
    }

    private final SteeringConfig config;

    public SteeringReplay(SteeringConfig config) {
        this.config = config;
    }

    /**
     * Reads the recording, writes one CSV row per cycle to {@code out}, returns the summary.
     *
     * @throws InputException for a malformed recording, naming the line
     */
    public Summary run(BufferedReader recording, PrintWriter out) throws IOException {
        long intervalNanos = config.interval().toNanos();
        RecordingReader in = RecordingReader.open(recording);
        if (in.headerLine() == null) {
            throw new InputException(Math.max(1, in.lineNo()), "no header line; expected column names such as"
                    + " t_s,rtt_ms,baseline_ms,drops,queued_packets");
        }
        Columns cols = Columns.of(in, in.lineNo());
        SteeringLaw law = null;
        boolean rule = false;
        Boolean toggling = null;
        long cycle = 0;
        long held = 0;
        long enables = 0;
        long disables = 0;
        long steered = 0;
        long[] zones = new long[Zone.values().length];
        out.println(HEADER);
        String[] f;
        while ((f = next(in)) != null) {
            int lineNo = in.lineNo();
            long now = cols.t < 0 ? cycle * intervalNanos : Math.round(number(f, cols.t, "t_s", lineNo) * 1e9);
            if (law == null) {
                law = new SteeringLaw(SteeringWiring.lawParams(config), now);
            }
            if (toggling != null) { // the toggle the last cycle asked for, verified now
                rule = toggling;
                law.outcome(now, rule, true);
                toggling = null;
            }
            double rtt = number(f, cols.rtt, "rtt_ms", lineNo);
            double baseline = number(f, cols.baseline, "baseline_ms", lineNo);
            long drops = count(f, cols.drops, "drops", lineNo);
            long queued = count(f, cols.queued, "queued_packets", lineNo);
            Zone wan = zone(f, cols.wanZone, lineNo);
            double ageSec = number(f, cols.wanZoneAge, "wan_zone_age_s", lineNo);
            long ageNanos = Double.isNaN(ageSec) ? Long.MAX_VALUE : Math.round(ageSec * 1e9);
            SteeringLaw.Decision d = law.decide(new SteeringLaw.Signals(now, rtt, baseline, drops, queued, wan,
                    ageNanos, rule));
            String toggle = "";
            if (d.enable() != rule) {
                toggling = d.enable();
                toggle = d.enable() ? "ENABLE" : "DISABLE";
                if (d.enable()) {
                    enables++;
                } else {
                    disables++;
                }
            }
            boolean ruleAfter = toggling != null ? toggling : rule;
            if (d.decided()) {
                zones[d.congestion().ordinal()]++;
            } else {
                held++;
            }
            if (ruleAfter) {
                steered++;
            }
            row(out, cycle, now, rtt, baseline, d, ruleAfter, toggle);
            cycle++;
        }
        return new Summary(cycle, intervalNanos, held, zones, enables, disables, steered, cols.missing());
    }

    private void row(PrintWriter out, long cycle, long now, double rtt, double baseline, SteeringLaw.Decision d,
            boolean rule, String toggle) {
        out.print(cycle);
        out.print(',');
        out.print(String.format(Locale.ROOT, "%.3f", now / 1e9));
        out.print(',');
        out.print(ms(rtt));
        out.print(',');
        out.print(ms(baseline));
        out.print(',');
        out.print(ms(d.deltaMs()));
        out.print(',');
        out.print(ms(d.rttEwmaMs()));
        out.print(',');
        out.print(ms(d.queueEwma()));
        out.print(',');
        out.print(d.drops());
        out.print(',');
        out.print(d.queuedPackets());
        out.print(',');
        out.print(d.congestion());
        out.print(',');
        out.print(d.state() == dev.wanctl.core.control.SteeringHysteresis.State.DEGRADED
                ? config.degradedStateName() : config.goodStateName());
        out.print(',');
        out.print(d.redCount());
        out.print(',');
        out.print(d.goodCount());
        out.print(',');
        out.print(d.score());
        out.print(',');
        out.print(rule ? "enabled" : "disabled");
        out.print(',');
        out.println(toggle);
    }

    private static String[] next(RecordingReader in) throws IOException {
        try {
            return in.next();
        } catch (RecordingReader.FormatException e) {
            throw new InputException(e.line(), e.getMessage());
        }
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static double number(String[] f, int col, String name, int lineNo) {
        if (col < 0 || f[col].isBlank()) {
            return Double.NaN;
        }
        String text = f[col].trim();
        try {
            double v = Double.parseDouble(text);
            if (!Double.isFinite(v) || v < 0) {
                throw new InputException(lineNo, name + " must be a non-negative number or empty, got \"" + text
                        + "\"");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InputException(lineNo, name + " must be a number or empty, got \"" + text + "\"");
        }
    }

    private static long count(String[] f, int col, String name, int lineNo) {
        if (col < 0 || f[col].isBlank()) {
            return 0;
        }
        String text = f[col].trim();
        try {
            long v = Long.parseLong(text);
            if (v < 0) {
                throw new InputException(lineNo, name + " must be a count (0 or more) or empty, got \"" + text + "\"");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InputException(lineNo, name + " must be a whole number or empty, got \"" + text + "\"");
        }
    }

    private static Zone zone(String[] f, int col, int lineNo) {
        if (col < 0 || f[col].isBlank()) {
            return null;
        }
        String text = f[col].trim();
        try {
            return Zone.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputException(lineNo, "wan_zone must be GREEN, YELLOW, SOFT_RED, RED or empty, got \"" + text
                    + "\"");
        }
    }

    /** Where each column is in the recording; -1 when it has none. */
    private record Columns(int t, int rtt, int baseline, int drops, int queued, int wanZone, int wanZoneAge) {

        static Columns of(RecordingReader in, int lineNo) {
            Columns c = new Columns(in.column("t_s"), in.column("rtt_ms"), in.column("baseline_ms"),
                    in.column("drops"), in.column("queued_packets"), in.column("wan_zone"),
                    in.column("wan_zone_age_s"));
            if (c.rtt < 0 || c.baseline < 0) {
                throw new InputException(lineNo, "the header needs the columns rtt_ms and baseline_ms (a steering"
                        + " flight recording has them), got \"" + in.headerLine().strip() + "\"");
            }
            return c;
        }

        List<String> missing() {
            List<String> m = new java.util.ArrayList<>();
            if (drops < 0) {
                m.add("drops");
            }
            if (queued < 0) {
                m.add("queued_packets");
            }
            if (wanZone < 0) {
                m.add("wan_zone");
            }
            if (wanZoneAge < 0) {
                m.add("wan_zone_age_s");
            }
            return List.copyOf(m);
        }
    }
}
