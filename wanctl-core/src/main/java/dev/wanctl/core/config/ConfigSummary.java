package dev.wanctl.core.config;

import dev.wanctl.core.control.DownloadParams;
import dev.wanctl.core.control.TimeConstant;
import dev.wanctl.core.control.UploadParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A validated config described in a few lines, as {@code wanctl check-config} prints it: what the
 * daemon will do with it. Never shows a password.
 */
public final class ConfigSummary {

    private ConfigSummary() {}

    public static List<String> describe(AutorateConfig c) {
        List<String> out = new ArrayList<>();
        double interval = c.interval().toNanos() / 1e9;
        DownloadParams dl = c.control().download();
        UploadParams ul = c.control().upload();
        out.add("WAN:          " + c.wanName() + " (autorate)");
        out.addAll(router(c.router()));
        out.add("Queues:       download " + c.queues().download() + ", upload " + c.queues().upload()
                + (c.queues().downloadType() != null ? " (types " + c.queues().downloadType() + " / "
                        + c.queues().uploadType() + " checked)" : ""));
        out.add(String.format(Locale.ROOT, "Download:     floors GREEN %s, YELLOW %s, SOFT_RED %s, RED %s;"
                + " ceiling %s; step %s after %d GREEN cycles; RED x%s, YELLOW %s",
                m(dl.floorGreenBps()), m(dl.floorYellowBps()), m(dl.floorSoftRedBps()), m(dl.floorRedBps()),
                m(dl.ceilingBps()), m(dl.stepUpBps()), dl.greenRequired(), n(dl.factorDown()),
                dl.factorDownYellow() < 1 ? "x" + n(dl.factorDownYellow()) : "holds"));
        out.add(String.format(Locale.ROOT, "Upload:       floor %s; ceiling %s; step %s after %d GREEN cycles;"
                + " RED x%s, YELLOW %s", m(ul.floorBps()), m(ul.ceilingBps()), m(ul.stepUpBps()), ul.greenRequired(),
                n(ul.factorDown()), ul.factorDownYellow() < 1 ? "x" + n(ul.factorDownYellow()) : "holds"));
        out.add(String.format(Locale.ROOT, "Thresholds:   GREEN->YELLOW %s ms, YELLOW->SOFT_RED %s ms, SOFT_RED->RED"
                + " %s ms (upload RED above %s ms); SOFT_RED after %d cycles",
                n(dl.thresholds().targetMs()), n(dl.thresholds().warnMs()), n(dl.thresholds().hardRedMs()),
                n(dl.thresholds().warnMs()), dl.softRedRequired()));
        if (dl.hysteresis().dwellCycles() > 0 || dl.hysteresis().deadbandMs() > 0) {
            out.add(String.format(Locale.ROOT, "Hysteresis:   dwell %d cycles, deadband %s ms",
                    dl.hysteresis().dwellCycles(), n(dl.hysteresis().deadbandMs())));
        }
        out.add(String.format(Locale.ROOT, "Interval:     %d ms (%.0f cycles per second)", c.interval().toMillis(),
                1 / interval));
        out.add(String.format(Locale.ROOT, "EWMA:         baseline alpha %.6f (time constant %.2f s), load alpha"
                + " %.6f (time constant %.3f s); baseline learns while delta < %s ms, within [%s, %s] ms",
                c.control().rtt().baselineAlpha(), TimeConstant.tauSec(c.control().rtt().baselineAlpha(), interval),
                c.control().rtt().loadAlpha(), TimeConstant.tauSec(c.control().rtt().loadAlpha(), interval),
                n(c.control().rtt().freezeThresholdMs()), n(c.control().rtt().baselineMinMs()),
                n(c.control().rtt().baselineMaxMs())));
        out.add(probe(c.probe()));
        out.add("Fallback:     " + (c.fallback().enabled()
                ? c.fallback().mode().name().toLowerCase(Locale.ROOT) + ", degraded after "
                        + c.fallback().maxFallbackCycles() + " cycles; checks: "
                        + (c.fallback().checkGateway() && !c.fallback().gatewayIp().isEmpty()
                                ? "gateway " + c.fallback().gatewayIp() + ", " : "")
                        + (c.fallback().checkTcp() ? "TCP " + c.fallback().tcpTargets() : "no TCP")
                : "checks off (a probe outage freezes the rates)"));
        out.add("Writes:       " + (c.rateLimit().enabled() ? "at most " + c.rateLimit().maxChanges() + " per "
                + n(c.rateLimit().window().toMillis() / 1000.0) + " s" + (c.rateLimit().reserveForDecreases() > 0
                        ? ", " + c.rateLimit().reserveForDecreases() + " of them kept for cuts" : "") : "not rate-limited")
                + "; unchanged rates are never written");
        out.add("Files:        state " + c.stateFile() + " (written at most every "
                + n(c.stateWriteInterval().toMillis() / 1000.0) + " s), lock " + c.lockFile());
        out.add("Endpoints:    " + endpoint("health", c.health()) + ", " + endpoint("metrics", c.metrics()));
        return out;
    }

    public static List<String> describe(SteeringConfig c) {
        List<String> out = new ArrayList<>();
        SteeringThresholds t = c.thresholds();
        double interval = c.interval().toNanos() / 1e9;
        out.add("Steering:     " + c.primaryWan() + " -> " + (c.alternateWan() == null ? "alternate WAN"
                : c.alternateWan()) + " (states " + c.goodStateName() + " / " + c.degradedStateName() + ")");
        out.addAll(router(c.router()));
        out.add("Rule:         mangle rule with comment \"" + c.mangleComment() + "\"");
        out.add("Primary:      state " + c.primaryStateFile() + " (ignored when older than "
                + n(c.stateStaleness().toMillis() / 1000.0) + " s), download queue " + c.primaryDownloadQueue()
                + " (stats every " + c.cakeStatsInterval().toMillis() + " ms)");
        out.add(String.format(Locale.ROOT, "Interval:     %s s", n(interval)));
        out.add(String.format(Locale.ROOT, "Assessment:   %s; RED when RTT EWMA > %s ms and drops >= %d and queue"
                + " >= %d; YELLOW when RTT EWMA > %s ms or queue >= %d",
                c.cakeAware() ? "CAKE-aware" : "legacy RTT-only", n(t.redRttMs()), t.minDropsRed(), t.minQueueRed(),
                n(t.yellowRttMs()), t.minQueueYellow()));
        out.add(String.format(Locale.ROOT, "Hysteresis:   enable after %d RED cycles (%.2f s), disable after %d"
                + " GREEN cycles (%.2f s)", t.redSamplesRequired(), t.redSamplesRequired() * interval,
                t.greenSamplesRequired(), t.greenSamplesRequired() * interval));
        out.add(String.format(Locale.ROOT, "EWMA:         RTT alpha %.4f, queue alpha %.4f", t.rttEwmaAlpha(),
                t.queueEwmaAlpha()));
        if (c.useConfidenceScoring()) {
            out.add("Confidence:   steer at " + c.confidence().steerThreshold() + ", recover at "
                    + c.confidence().recoveryThreshold() + (c.confidence().dryRun() ? " (dry run)" : ""));
        }
        out.add(probe(c.probe()));
        out.add("Files:        state " + c.stateFile() + ", lock " + c.lockFile());
        out.add("Endpoints:    " + endpoint("health", c.health()) + ", " + endpoint("metrics", c.metrics()));
        return out;
    }

    private static List<String> router(RouterConfig r) {
        List<String> out = new ArrayList<>();
        String where = r.transport().kind().where(r);
        if (!r.transport().routerOs()) {
            out.add("Router:       " + r.transport().configName() + ", " + where);
            return out;
        }
        out.add("Router:       " + r.transport().configName() + " " + where + ", user " + r.user()
                + ", password " + (r.password().isEmpty() ? "not set" : "set")
                + (r.sshKey() != null ? ", key " + r.sshKey() : ""));
        if (r.transport() != RouterConfig.Transport.SSH && r.scheme() == RouterConfig.Scheme.HTTPS) { // REST or api-ssl
            out.add("TLS:          " + (r.certFingerprint() != null ? "certificate pinned (SHA-256 "
                    + r.certFingerprint().substring(0, 16) + "...)" : r.caFile() != null ? "trusting " + r.caFile()
                    : r.verifySsl() ? "system trust store" : "NOT VERIFIED (verify_ssl: false)"));
        }
        out.add("Timeouts:     " + r.requestTimeout().toMillis() + " ms per call, " + r.connectTimeout().toMillis()
                + " ms to connect");
        return out;
    }

    private static String probe(ProbeConfig p) {
        return "Reflectors:   " + String.join(", ", p.hosts())
                + (p.medianOfThree() && p.hosts().size() >= 3 ? " (median)" : p.hosts().size() > 1 ? " (first fresh)"
                        : "")
                + (p.spareHosts().isEmpty() ? "" : "; spares " + String.join(", ", p.spareHosts()))
                + "; method " + p.method().name().toLowerCase(Locale.ROOT) + "; fresh for "
                + p.maxSampleAge().toMillis() + " ms";
    }

    private static String endpoint(String name, EndpointConfig e) {
        return e.enabled() ? name + " http://" + e.host() + ":" + e.port() + "/" + name : name + " off";
    }

    private static String m(long bps) {
        return bps % 1_000_000 == 0 ? bps / 1_000_000 + "M" : n(bps / 1e6) + "M";
    }

    private static String n(double v) {
        return ConfigKey.fmt(v);
    }
}
