package dev.wanctl.cli.soak;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The result of a soak check over some log: one {@link WanSummary} per [wan], and the flags. */
record SoakReport(long firstMillis, long lastMillis, long lines, long unrecognised, List<WanSummary> wans) {

    List<String> flags() {
        List<String> all = new ArrayList<>();
        wans.forEach(w -> all.addAll(w.flags()));
        return all;
    }

    Optional<WanSummary> wan(String name) {
        return wans.stream().filter(w -> w.wan().equals(name)).findFirst();
    }

    /** The text an operator reads: numbers per [wan], then every flag, then the verdict. */
    String render(ZoneId zone) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(zone);
        StringBuilder out = new StringBuilder();
        if (wans.isEmpty()) {
            out.append(String.format("wanctl soak report: no wanctl log lines among %d line(s)%n", lines));
        } else {
            out.append(String.format("wanctl soak report: %s .. %s (%.1f min), %d lines (%d not wanctl's)%n",
                    time.format(Instant.ofEpochMilli(firstMillis)), time.format(Instant.ofEpochMilli(lastMillis)),
                    (lastMillis - firstMillis) / 60_000.0, lines, unrecognised));
        }
        for (WanSummary w : wans) {
            out.append(String.format("%n[%s] %.1f min%n", w.wan(), w.minutes()));
            if (w.isAutorate()) {
                out.append(row("cycles", w.cycles() == 0 ? "no status lines"
                        : String.format("%d (%.1f/s), overruns %d (%.2f%%), fallback %d", w.cycles(),
                                w.cycles() / Math.max(w.minutes() * 60, 1), w.overruns(),
                                100.0 * w.overruns() / w.cycles(), w.fallbackCycles())));
                out.append(row("router writes", String.format("%d (%.1f/min), rate-limited %d", w.routerWrites(),
                        w.perMinute(w.routerWrites()), w.rateLimited())));
                out.append(row("download zones", zones(w.downloadZonePct())));
                out.append(row("upload zones", zones(w.uploadZonePct())));
                out.append(row("rate changes", String.format("%d (%.1f/min); flaps (up then down within 60 s) %d (%.1f/h)",
                        w.rateChanges(), w.perMinute(w.rateChanges()), w.flaps(), w.perHour(w.flaps()))));
                out.append(row("baseline drift", String.format("%.1f ms at most while loaded (%d loaded periods, %.0f s)",
                        w.maxLoadedDriftMs(), w.loadedPeriods(), w.loadedSeconds())));
            }
            if (w.isSteering()) {
                out.append(row("steering", String.format("%d transitions (%.1f/h), degraded %.1f%% of the time",
                        w.steeringTransitions(), w.perHour(w.steeringTransitions()), w.degradedPct())));
                out.append(row("rule changes", String.format("%d requested, %d verified", w.ruleChanges(), w.ruleChangesVerified())));
            }
            out.append(row("restarts", String.format("%d (watchdog kills %d)", w.restarts(), w.watchdogKills())));
            out.append(row("warnings/errors", String.format("WARN %d, ERROR %d", w.warnings(), w.errors())));
            for (WanSummary.ProblemKind p : w.problems()) {
                out.append(String.format("    %-5s x%-4d %s  e.g. \"%s\"%n", p.errors() > 0 ? "ERROR" : "WARN",
                        p.errors() + p.warnings(), p.kind(), abbreviate(p.example())));
            }
        }
        List<String> flags = flags();
        out.append(System.lineSeparator());
        for (String flag : flags) {
            out.append("FLAGGED: ").append(flag).append(System.lineSeparator());
        }
        out.append(flags.isEmpty() ? "result: OK, nothing flagged" : "result: " + flags.size() + " check(s) flagged")
                .append(System.lineSeparator());
        return out.toString();
    }

    private static String row(String label, String value) {
        return String.format("  %-16s %s%n", label, value);
    }

    private static String zones(Map<String, Double> pct) {
        if (pct.isEmpty()) {
            return "no cycle lines";
        }
        StringBuilder s = new StringBuilder();
        pct.forEach((zone, p) -> s.append(String.format("%s %.1f%%  ", zone, p)));
        return s.toString().strip();
    }

    private static String abbreviate(String text) {
        return text.length() <= 100 ? text : text.substring(0, 97) + "...";
    }
}
