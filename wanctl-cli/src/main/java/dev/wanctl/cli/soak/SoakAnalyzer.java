package dev.wanctl.cli.soak;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stability checks an operator runs after a change, over a stream of log lines: cycles and
 * overruns, errors by kind, time per zone, rate changes and flapping, baseline drift while
 * loaded, restarts and watchdog kills, steering transitions and rule verification, router write
 * rate. Feed it lines in time order with {@link #accept}, then read {@link #report}.
 */
final class SoakAnalyzer {

    private static final Pattern CYCLE = Pattern.compile(
            "^\\S+: \\[([A-Z_]+)/([A-Z_]+)] RTT=([\\d.]+)ms(?:, load_ewma=([\\d.]+)ms)?, baseline=([\\d.]+)ms,"
                    + " delta=(-?[\\d.]+)ms \\| DL=(\\d+)M, UL=(\\d+)M"
                    + "(?: \\| cycles=(\\d+) overruns=(\\d+) writes=(\\d+) rate_limited=(\\d+) fallback=(\\d+))?");
    private static final Pattern ROUTER_WRITE = Pattern.compile("^\\S+: router write DL=(\\d+)M UL=(\\d+)M");
    private static final Pattern STEERING_CYCLE = Pattern.compile("^\\[([A-Z0-9_]+)_(GOOD|DEGRADED)] .*congestion=");
    private static final Pattern TRANSITION = Pattern.compile("^State transition: (\\S+)");
    private static final Pattern EXITED = Pattern.compile("Main process exited, code=(\\w+), status=(\\S+)");
    private static final long FLAP_WINDOW_MILLIS = 60_000;
    private static final String[] COUNTERS = {"cycles", "overruns", "writes", "rate_limited", "fallback"};

    private final SoakThresholds limits;
    private final LogLineParser parser;
    private final Map<String, WanStats> wans = new TreeMap<>();
    private long lines;
    private long unrecognised;

    SoakAnalyzer(SoakThresholds limits, LogLineParser parser) {
        this.limits = limits;
        this.parser = parser;
    }

    void accept(String raw) {
        if (raw.isBlank()) {
            return;
        }
        lines++;
        parser.parse(raw).ifPresentOrElse(
                line -> wans.computeIfAbsent(line.wan(), WanStats::new).accept(line), () -> unrecognised++);
    }

    SoakReport report() {
        List<WanSummary> summaries = new ArrayList<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (WanStats stats : wans.values()) {
            summaries.add(stats.summary());
            first = Math.min(first, stats.first);
            last = Math.max(last, stats.last);
        }
        return new SoakReport(wans.isEmpty() ? 0 : first, wans.isEmpty() ? 0 : last, lines, unrecognised, summaries);
    }

    /** Everything seen for one [wan]. */
    private final class WanStats {
        final String wan;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        boolean firstLineWasStart;
        boolean anyLine;
        int starts;
        int watchdogKills;
        int abnormalExits;

        // status counters: totals of the increases seen, across restarts
        final long[] counterLast = new long[COUNTERS.length];
        final long[] counterTotal = new long[COUNTERS.length];
        boolean counterSeen;
        long routerWriteLines;

        // zones and rates
        final Map<String, Long> dlZoneMillis = new TreeMap<>();
        final Map<String, Long> ulZoneMillis = new TreeMap<>();
        long lastCycleAt = -1;
        String lastDlZone;
        String lastUlZone;
        final long[] lastRate = {-1, -1};
        final long[] lastUpAt = {-1, -1};
        long rateChanges;
        long flaps;

        // baseline while loaded
        boolean loaded;
        long lastLoadedAt = -1;
        double episodeMin;
        double episodeMax;
        double maxDrift;
        int loadedPeriods;
        long loadedMillis;

        // problems
        final Map<String, long[]> problemCounts = new LinkedHashMap<>();
        final Map<String, String> problemExamples = new LinkedHashMap<>();
        long warnings;
        long errors;

        // steering
        boolean steering;
        String steeringState;
        long steeringStateAt = -1;
        long degradedMillis;
        long steeringMillis;
        int transitions;
        int ruleChanges;
        int ruleChangesVerified;

        WanStats(String wan) {
            this.wan = wan;
        }

        void accept(LogLine line) {
            long t = line.epochMillis();
            if (!line.level().equals(LogLine.SYSTEMD)) {
                first = Math.min(first, t);
                last = Math.max(last, t);
            }
            String msg = line.message();
            if (line.level().equals(LogLine.SYSTEMD)) {
                systemd(msg);
                return;
            }
            if (msg.startsWith("=== ")) {
                if (!anyLine) {
                    firstLineWasStart = true;
                }
                starts++;
                endLoadedEpisode();
                lastCycleAt = -1;
            }
            anyLine = true;
            if (line.isWarnOrError()) {
                problem(line);
            }
            Matcher m;
            if ((m = CYCLE.matcher(msg)).find()) {
                cycle(t, m);
            } else if ((m = ROUTER_WRITE.matcher(msg)).find()) {
                routerWriteLines++;
                rate(0, Long.parseLong(m.group(1)), t);
                rate(1, Long.parseLong(m.group(2)), t);
            } else if ((m = STEERING_CYCLE.matcher(msg)).find()) {
                steeringState(t, m.group(1) + "_" + m.group(2));
            } else if ((m = TRANSITION.matcher(msg)).find()) {
                transitions++;
                steeringState(t, m.group(1));
            } else if (msg.startsWith("Enabling steering rule") || msg.startsWith("Disabling steering rule")) {
                steering = true;
                ruleChanges++;
            } else if (msg.startsWith("Steering rule enabled and verified")
                    || msg.startsWith("Steering rule disabled and verified")) {
                ruleChangesVerified++;
            }
        }

        private void systemd(String msg) {
            if (msg.startsWith("Watchdog timeout")) {
                watchdogKills++;
            }
            Matcher exited = EXITED.matcher(msg);
            if (exited.find() && !(exited.group(1).equals("exited") && exited.group(2).startsWith("0/"))) {
                abnormalExits++;
            }
        }

        private void problem(LogLine line) {
            String kind = kindOf(line.message(), wan);
            long[] counts = problemCounts.computeIfAbsent(kind, k -> new long[2]);
            if (line.level().equals("ERROR")) {
                counts[1]++;
                errors++;
            } else {
                counts[0]++;
                warnings++;
            }
            problemExamples.putIfAbsent(kind, line.message());
        }

        private void cycle(long t, Matcher m) {
            String dlZone = m.group(1);
            String ulZone = m.group(2);
            double baseline = Double.parseDouble(m.group(5));
            double delta = Double.parseDouble(m.group(6));
            boolean closeToLast = lastCycleAt >= 0 && t - lastCycleAt <= limits.maxGapSeconds() * 1000;
            if (closeToLast) {
                dlZoneMillis.merge(lastDlZone, t - lastCycleAt, Long::sum);
                ulZoneMillis.merge(lastUlZone, t - lastCycleAt, Long::sum);
            }
            boolean nowLoaded = delta >= limits.loadedDeltaMs();
            if (nowLoaded && loaded && closeToLast) {
                loadedMillis += t - lastCycleAt;
                episodeMin = Math.min(episodeMin, baseline);
                episodeMax = Math.max(episodeMax, baseline);
            } else if (nowLoaded) {
                endLoadedEpisode();
                loaded = true;
                loadedPeriods++;
                episodeMin = baseline;
                episodeMax = baseline;
            } else {
                endLoadedEpisode();
            }
            lastCycleAt = t;
            lastDlZone = dlZone;
            lastUlZone = ulZone;
            rate(0, Long.parseLong(m.group(7)), t);
            rate(1, Long.parseLong(m.group(8)), t);
            if (m.group(9) != null) {
                counters(m);
            }
        }

        private void endLoadedEpisode() {
            if (loaded) {
                maxDrift = Math.max(maxDrift, episodeMax - episodeMin);
                loaded = false;
            }
        }

        /** Status counters are cumulative per daemon run; a smaller value means it restarted. */
        private void counters(Matcher m) {
            for (int i = 0; i < COUNTERS.length; i++) {
                long value = Long.parseLong(m.group(9 + i));
                if (counterSeen) {
                    counterTotal[i] += value >= counterLast[i] ? value - counterLast[i] : value;
                }
                counterLast[i] = value;
            }
            counterSeen = true;
        }

        /** A rate change; an increase followed by a decrease within 60 s is a flap. */
        private void rate(int direction, long mbps, long t) {
            long previous = lastRate[direction];
            lastRate[direction] = mbps;
            if (previous < 0 || previous == mbps) {
                return;
            }
            rateChanges++;
            if (mbps > previous) {
                lastUpAt[direction] = t;
            } else if (lastUpAt[direction] >= 0 && t - lastUpAt[direction] <= FLAP_WINDOW_MILLIS) {
                flaps++;
                lastUpAt[direction] = -1;
            }
        }

        private void steeringState(long t, String state) {
            steering = true;
            if (steeringStateAt >= 0 && t - steeringStateAt <= limits.maxGapSeconds() * 1000) {
                long span = t - steeringStateAt;
                steeringMillis += span;
                if (steeringState.endsWith("_DEGRADED")) {
                    degradedMillis += span;
                }
            }
            steeringState = state;
            steeringStateAt = t;
        }

        WanSummary summary() {
            endLoadedEpisode();
            double minutes = last > first ? (last - first) / 60_000.0 : 0;
            long cycles = counterTotal[0];
            int restarts = Math.max(starts - (firstLineWasStart ? 1 : 0), 0);
            List<WanSummary.ProblemKind> problems = new ArrayList<>();
            problemCounts.forEach((kind, c) -> problems.add(
                    new WanSummary.ProblemKind(kind, c[0], c[1], problemExamples.get(kind))));
            problems.sort(Comparator.comparingLong((WanSummary.ProblemKind p) -> -(p.errors() + p.warnings())));
            long writes = counterSeen ? counterTotal[2] : routerWriteLines;
            double degradedPct = steering && steeringMillis > 0 ? 100.0 * degradedMillis / steeringMillis : steering ? 0 : -1;
            List<String> flags = new ArrayList<>();
            WanSummary s = new WanSummary(wan, minutes, cycles, counterTotal[1], writes, counterTotal[3],
                    counterTotal[4], percentages(dlZoneMillis), percentages(ulZoneMillis), rateChanges, flaps,
                    maxDrift, loadedPeriods, loadedMillis / 1000.0, restarts, watchdogKills, warnings, errors,
                    problems, transitions, degradedPct, ruleChanges, ruleChangesVerified, flags);
            flag(flags, s);
            return s;
        }

        private void flag(List<String> flags, WanSummary s) {
            String p = wan + ": ";
            if (s.cycles() > 0 && 100.0 * s.overruns() / s.cycles() > limits.maxOverrunPct()) {
                flags.add(p + String.format("%.2f%% of cycles overran (limit %.2f%%)", 100.0 * s.overruns() / s.cycles(), limits.maxOverrunPct()));
            }
            if (s.cycles() > 0 && 100.0 * s.fallbackCycles() / s.cycles() > limits.maxFallbackPct()) {
                flags.add(p + String.format("%.2f%% of cycles ran on fallback RTT (limit %.2f%%)", 100.0 * s.fallbackCycles() / s.cycles(), limits.maxFallbackPct()));
            }
            if (s.errors() > limits.maxErrors()) {
                flags.add(p + s.errors() + " ERROR line(s) (limit " + limits.maxErrors() + ")");
            }
            if (s.perHour(s.warnings()) > limits.maxWarningsPerHour()) {
                flags.add(p + String.format("%.1f warnings per hour (limit %.1f)", s.perHour(s.warnings()), limits.maxWarningsPerHour()));
            }
            double red = s.downloadZonePct().getOrDefault("RED", 0.0) + s.downloadZonePct().getOrDefault("SOFT_RED", 0.0);
            if (red > limits.maxRedPct()) {
                flags.add(p + String.format("download in SOFT_RED/RED %.1f%% of the time (limit %.1f%%)", red, limits.maxRedPct()));
            }
            if (s.perHour(s.flaps()) > limits.maxFlapsPerHour()) {
                flags.add(p + String.format("rate flapping: %.1f up-then-down reversals within 60 s per hour (limit %.1f)", s.perHour(s.flaps()), limits.maxFlapsPerHour()));
            }
            if (s.perMinute(s.routerWrites()) > limits.maxWritesPerMinute()) {
                flags.add(p + String.format("%.1f router writes per minute (limit %.1f)", s.perMinute(s.routerWrites()), limits.maxWritesPerMinute()));
            }
            if (s.maxLoadedDriftMs() > limits.maxLoadedDriftMs()) {
                flags.add(p + String.format("baseline drifted %.1f ms while loaded (limit %.1f ms): the freeze gate is not holding", s.maxLoadedDriftMs(), limits.maxLoadedDriftMs()));
            }
            if (s.restarts() > limits.maxRestarts() || s.watchdogKills() > 0 || abnormalExits > 0) {
                flags.add(p + s.restarts() + " restart(s), " + s.watchdogKills() + " watchdog kill(s), " + abnormalExits + " abnormal exit(s)");
            }
            if (s.perHour(s.steeringTransitions()) > limits.maxTransitionsPerHour()) {
                flags.add(p + String.format("%.1f steering transitions per hour (limit %.1f)", s.perHour(s.steeringTransitions()), limits.maxTransitionsPerHour()));
            }
            if (s.ruleChanges() > s.ruleChangesVerified()) {
                flags.add(p + (s.ruleChanges() - s.ruleChangesVerified()) + " steering rule change(s) not verified");
            }
        }

        private static Map<String, Double> percentages(Map<String, Long> millis) {
            long total = millis.values().stream().mapToLong(Long::longValue).sum();
            Map<String, Double> pct = new LinkedHashMap<>();
            for (String zone : List.of("GREEN", "YELLOW", "SOFT_RED", "RED")) {
                if (total > 0 && millis.containsKey(zone)) {
                    pct.put(zone, 100.0 * millis.get(zone) / total);
                }
            }
            millis.forEach((zone, ms) -> {
                if (total > 0) {
                    pct.putIfAbsent(zone, 100.0 * ms / total);
                }
            });
            return pct;
        }
    }

    /**
     * The kind of a WARN/ERROR message: after the "wan: " prefix, up to the first " (" or ":",
     * digits as '#', so "router unreachable (connect timed out): ..." is "router unreachable".
     */
    static String kindOf(String message, String wan) {
        String text = message;
        if (text.startsWith(wan + ": ")) {
            text = text.substring(wan.length() + 2);
        }
        int end = text.length();
        int paren = text.indexOf(" (");
        int colon = text.indexOf(':');
        if (paren >= 0) {
            end = Math.min(end, paren);
        }
        if (colon >= 0) {
            end = Math.min(end, colon);
        }
        String kind = text.substring(0, end).strip().replaceAll("\\d+", "#");
        return kind.isEmpty() ? "(empty)" : kind.length() > 80 ? kind.substring(0, 80) : kind;
    }
}
