package dev.wanctl.autorate;

import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.core.daemon.DaemonExit;
import dev.wanctl.core.daemon.DaemonSupport;
import dev.wanctl.core.daemon.ExitStatus;
import dev.wanctl.routeros.QueueInfo;
import dev.wanctl.routeros.RouterException;
import dev.wanctl.routeros.Shaper;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the daemon checks on the router before its first cycle: the credentials work (else exit
 * 77), both queues exist (else exit 1, naming the queue) and use the configured queue types when
 * those are set. An unreachable router is not fatal: the loop measures and decides meanwhile and
 * the writer catches up when the router answers.
 */
final class RouterStartup {

    private static final Logger LOG = LoggerFactory.getLogger(RouterStartup.class);

    /** The max-limits the router has now, when it could be asked. */
    record Applied(long downloadBps, long uploadBps) {}

    private RouterStartup() {}

    static Optional<Applied> check(Shaper router, AutorateConfig c) throws DaemonExit {
        RouterConfig r = c.router();
        try {
            QueueInfo dl = queue(router, c.queues().download(), "queues.download", c.queues().downloadType());
            QueueInfo ul = queue(router, c.queues().upload(), "queues.upload", c.queues().uploadType());
            LOG.info("{}: router {} via {}: {} max-limit {}, {} max-limit {}", c.wanName(), r.host(),
                    router.transport(), dl.name(), RateWriter.mbit(dl.maxLimitBps()), ul.name(),
                    RateWriter.mbit(ul.maxLimitBps()));
            return Optional.of(new Applied(dl.maxLimitBps(), ul.maxLimitBps()));
        } catch (RouterException e) {
            switch (e.kind()) {
                case AUTHENTICATION -> throw DaemonSupport.routerRejected(r, e.getMessage());
                case NOT_FOUND -> throw new DaemonExit(ExitStatus.FAILURE, e.getMessage()
                        + ": create the queue tree item on the router or fix the queue name in " + c.source());
                default -> {
                    LOG.warn("{}: router not answering at start ({}: {}): starting anyway; rates are written when it"
                            + " answers", c.wanName(), e.kind().name().toLowerCase(Locale.ROOT), e.getMessage());
                    return Optional.empty();
                }
            }
        }
    }

    private static QueueInfo queue(Shaper router, String name, String key, String wantedType)
            throws RouterException, DaemonExit {
        QueueInfo q;
        try {
            q = router.readQueue(name);
        } catch (RouterException e) {
            if (e.kind() == RouterException.Kind.NOT_FOUND) {
                throw new RouterException(RouterException.Kind.NOT_FOUND,
                        "queue \"" + name + "\" (" + key + ") not found on the router", e);
            }
            throw e;
        }
        if (q.disabled()) {
            LOG.warn("queue \"{}\" is disabled on the router: shaping has no effect until it is enabled", name);
        }
        if (wantedType != null && !wantedType.equals(q.queueType())) {
            throw new DaemonExit(ExitStatus.FAILURE, "queue \"" + name + "\" uses queue type \"" + q.queueType()
                    + "\" but " + key + "_type says \"" + wantedType + "\": set the type on the router"
                    + " (/queue tree set [find name=\"" + name + "\"] queue=" + wantedType + ") or remove " + key
                    + "_type");
        }
        return q;
    }
}
