package dev.wanctl.autorate;

import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.control.AutorateStep;
import dev.wanctl.core.control.FallbackPolicy;
import dev.wanctl.core.control.LawDecision;
import dev.wanctl.core.control.Zone;
import dev.wanctl.core.runtime.CycleProfiler;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a cycle logs, per docs/LOGGING.md, read from the law's {@link LawDecision}: the cycle line
 * on a zone change (and at debug every cycle), the status line, the profile lines, and the
 * warnings of a measurement loss and of a baseline outside its bounds. Loop thread only; logs
 * under {@link AutorateCycle}'s name, as operators filter it.
 */
final class CycleLog {

    private static final Logger LOG = LoggerFactory.getLogger(AutorateCycle.class);
    private static final long PROFILE_EVERY_NANOS = 60_000_000_000L;

    private final AutorateConfig config;
    private final int reflectors;
    private final LongSupplier overruns;
    private final boolean profileEveryCycle;
    private final long statusEveryNanos;
    private final StringBuilder line = new StringBuilder(160);
    // a loss episode's lines at most once a minute: 50 % loss makes one every few hundred ms
    private final EpisodeLog lossLog = new EpisodeLog(60_000_000_000L);
    private Zone lastDl;
    private Zone lastUl;
    private long lastStatusNanos;
    private long lastProfileNanos;
    private long lossStartedNanos;
    private boolean boundsWarned;
    private FallbackPolicy.Connectivity lastConnectivity = FallbackPolicy.Connectivity.UNKNOWN;

    CycleLog(AutorateConfig config, int reflectors, LongSupplier overruns, boolean profileEveryCycle,
            LawDecision start, long nowNanos) {
        this.config = config;
        this.reflectors = reflectors;
        this.overruns = overruns;
        this.profileEveryCycle = profileEveryCycle;
        this.statusEveryNanos = config.statusLogInterval().toNanos();
        this.lastDl = start.downloadZone();
        this.lastUl = start.uploadZone();
        this.lastStatusNanos = nowNanos;
        this.lastProfileNanos = nowNanos;
    }

    /** A measurement loss starting, going on or ending. */
    void measurement(AutorateStep.Outcome outcome, AutorateStep step, FallbackPolicy.Connectivity c, long now) {
        if (outcome == AutorateStep.Outcome.MEASURED) {
            int lost = step.lossEndedAfterCycles();
            if (lost > 0 && lossLog.logging()) {
                LOG.info("{}: measurements back after {} cycles ({} s without a fresh RTT)", config.wanName(), lost,
                        CycleLine.one((now - lossStartedNanos) / 1e9));
            }
            lastConnectivity = FallbackPolicy.Connectivity.UNKNOWN;
            return;
        }
        if (step.fallback().lostCycles() == 1) {
            lossStartedNanos = now;
            if (lossLog.start(now)) {
                LOG.warn("{}: no reflector answered ({} of {} silent or stale): {}{}", config.wanName(),
                        reflectors, reflectors, outcome == AutorateStep.Outcome.REUSED_LAST_LOAD
                                ? "reusing the last load RTT once, then holding rates (" + modeName() + ")"
                                : "holding rates (" + modeName() + ")", lossLog.unloggedSince());
            }
        }
        if (c == FallbackPolicy.Connectivity.ABSENT && lastConnectivity != c && config.fallback().enabled()
                && lossLog.logging()) {
            LOG.warn("{}: internet unreachable (gateway and TCP checks failed): rates frozen, health degraded",
                    config.wanName());
        }
        lastConnectivity = c;
    }

    private String modeName() {
        return config.fallback().enabled() ? config.fallback().mode().name().toLowerCase(Locale.ROOT)
                : "fallback checks off";
    }

    /** Warns once when the law starts refusing baseline candidates outside the bounds. */
    void baselineBounds(LawDecision d) {
        boolean rejected = d.baselineRejectedByBounds();
        if (rejected && !boundsWarned) {
            LOG.warn("{}: baseline candidate outside baseline_rtt_bounds [{}, {}] ms (RTT {} ms): keeping baseline {} ms",
                    config.wanName(), config.control().rtt().baselineMinMs(), config.control().rtt().baselineMaxMs(),
                    CycleLine.one(d.rttMs()), CycleLine.one(d.baselineMs()));
        }
        boundsWarned = rejected;
    }

    /** The cycle's lines; {@code counts} are read only for the status line. */
    void cycle(LawDecision d, long now, AutorateCycle counts, CycleProfiler profiler) {
        Zone dl = d.downloadZone();
        Zone ul = d.uploadZone();
        boolean changed = dl != lastDl || ul != lastUl;
        lastDl = dl;
        lastUl = ul;
        boolean status = now - lastStatusNanos >= statusEveryNanos;
        if (changed || status || LOG.isDebugEnabled()) {
            line.setLength(0);
            CycleLine.format(line, config.wanName(), d);
            if (status) {
                lastStatusNanos = now;
                RateWriter.Snapshot w = counts.writer().snapshot();
                line.append(" | cycles=").append(counts.cycles()).append(" overruns=").append(overruns.getAsLong())
                        .append(" writes=").append(w.writes()).append(" rate_limited=").append(w.rateLimited())
                        .append(" fallback=").append(counts.fallbackCycles());
                LOG.info(line.toString());
            } else if (changed) {
                LOG.info(line.toString());
            } else {
                LOG.debug(line.toString());
            }
        }
        if (profileEveryCycle) {
            line.setLength(0);
            line.append(config.wanName()).append(": profile ");
            profiler.appendLastCycle(line);
            LOG.info(line.toString());
        }
        if (now - lastProfileNanos >= PROFILE_EVERY_NANOS) {
            lastProfileNanos = now;
            LOG.info("{}: {}", config.wanName(), profiler.snapshot().toLogLine());
        }
    }
}
