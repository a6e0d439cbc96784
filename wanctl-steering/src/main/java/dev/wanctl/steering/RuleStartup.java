package dev.wanctl.steering;

import dev.wanctl.core.config.SteeringConfig;
import dev.wanctl.core.control.SteeringHysteresis;
import dev.wanctl.core.daemon.DaemonExit;
import dev.wanctl.core.daemon.DaemonSupport;
import dev.wanctl.core.daemon.ExitStatus;
import dev.wanctl.routeros.QueueStats;
import dev.wanctl.routeros.RouterException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the steering daemon does on the router before its first cycle: read the rule (credentials
 * refused: exit 77; no rule with the comment: exit 1 with the command that creates it) and the
 * download queue's stats (the base of the counters; no such queue: exit 1), then make the rule
 * match the persisted state, so a restart never leaves traffic steered by a rule the state
 * forgot (a reference defect). An unreachable router is not fatal: the cycle reconciles the rule
 * once the router answers.
 */
final class RuleStartup {

    private static final Logger LOG = LoggerFactory.getLogger(RuleStartup.class);

    private RuleStartup() {}

    /** Checks the router and reconciles the rule with {@code state}. */
    static void check(SteeringWiring w, SteeringHysteresis.State state, boolean dryRun) throws DaemonExit {
        SteeringConfig c = w.config;
        boolean on;
        try {
            on = w.toggler.read();
            QueueStats s = readQueue(w);
            w.stats.base(s);
            LOG.info("{}: router {} via {}: steering rule \"{}\" is {}; {} has {} drops, {} packets queued", c.wanName(),
                    c.router().host(), w.router.transport(), c.mangleComment(), word(on), s.name(), s.dropped(),
                    s.queuedPackets());
        } catch (RouterException e) {
            fatal(e, c);
            LOG.warn("{}: router not answering at start ({}): starting anyway; the steering rule is made to match the"
                    + " state when it answers", c.wanName(), RuleToggler.describe(e));
            return;
        }
        boolean wanted = state == SteeringHysteresis.State.DEGRADED;
        String stateName = state == SteeringHysteresis.State.DEGRADED ? c.degradedStateName() : c.goodStateName();
        if (on == wanted) {
            LOG.info("{}: steering rule is {} as the state {} says: nothing to reconcile", c.wanName(), word(on),
                    stateName);
            return;
        }
        if (dryRun) {
            LOG.info("{}: [DRY-RUN] state {} but the steering rule is {}: would {} it", c.wanName(), stateName, word(on),
                    wanted ? "enable" : "disable");
            return;
        }
        LOG.info("{}: reconciling: state {} but the steering rule is {}: {} it", c.wanName(), stateName, word(on),
                wanted ? "enabling" : "disabling");
        RuleToggler.Outcome o = w.toggler.apply(wanted);
        if (o.verified()) {
            LOG.info("{}: reconciled: steering rule {} as the state {} says", c.wanName(), word(wanted), stateName);
        }
    }

    /** {@code --reset}: the rule disabled and verified; the caller then writes a fresh GOOD state. */
    static void reset(SteeringWiring w) throws DaemonExit {
        SteeringConfig c = w.config;
        try {
            w.toggler.read();
        } catch (RouterException e) {
            fatal(e, c);
            throw new DaemonExit(ExitStatus.FAILURE, "cannot reset: router " + c.router().host() + " not answering ("
                    + RuleToggler.describe(e) + "); nothing was changed");
        }
        RuleToggler.Outcome o = w.toggler.apply(false);
        if (!o.verified()) {
            throw new DaemonExit(ExitStatus.FAILURE, "cannot reset: disabling the steering rule \"" + c.mangleComment()
                    + "\" failed (" + o.error() + "); the state file was left as it was");
        }
    }

    private static QueueStats readQueue(SteeringWiring w) throws RouterException, DaemonExit {
        String q = w.config.primaryDownloadQueue();
        try {
            return w.router.readQueueStats(q);
        } catch (RouterException e) {
            if (e.kind() == RouterException.Kind.NOT_FOUND) {
                throw new DaemonExit(ExitStatus.FAILURE, "queue \"" + q + "\" (cake_queues.primary_download) not found"
                        + " on the router: fix the queue name in " + w.config.source() + " (the primary's CAKE download"
                        + " queue, as in its autorate config)");
            }
            throw e;
        }
    }

    /** Exits for what no retry can fix: refused credentials, a missing rule. */
    private static void fatal(RouterException e, SteeringConfig c) throws DaemonExit {
        switch (e.kind()) {
            case AUTHENTICATION -> throw DaemonSupport.routerRejected(c.router(), e.getMessage());
            case NOT_FOUND -> throw new DaemonExit(ExitStatus.FAILURE, missingRule(c));
            default -> { }
        }
    }

    /** The message for a missing rule: what is missing, where it is configured, and how to create it. */
    static String missingRule(SteeringConfig c) {
        String table = "to_" + (c.alternateWan() == null ? "alternate" : c.alternateWan().toLowerCase(Locale.ROOT));
        return "no firewall mangle rule has the comment \"" + c.mangleComment() + "\" (mangle_rule.comment in "
                + c.source() + "); steering only enables and disables that rule. Create it, disabled, on the router,"
                + " for example:\n"
                + "  /routing table add name=" + table + " fib\n"
                + "  /ip firewall mangle add chain=prerouting connection-state=new dscp=46 action=mark-routing"
                + " new-routing-mark=" + table + " passthrough=yes disabled=yes comment=\"" + c.mangleComment() + "\"\n"
                + "(the comment must match exactly; see the comment block of configs/steering.yaml)";
    }

    private static String word(boolean on) {
        return on ? "enabled" : "disabled";
    }
}
