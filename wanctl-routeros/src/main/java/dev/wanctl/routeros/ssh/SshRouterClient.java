package dev.wanctl.routeros.ssh;

import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.routeros.Deadline;
import dev.wanctl.routeros.QueueInfo;
import dev.wanctl.routeros.QueueStats;
import dev.wanctl.routeros.RouterClient;
import dev.wanctl.routeros.RouterException;
import dev.wanctl.routeros.RouterException.Kind;
import dev.wanctl.routeros.SystemInfo;
import java.util.List;

/**
 * {@link RouterClient} over the RouterOS console on one persistent SSH session: for routers
 * without REST (before 7.1, or www-ssl off) and as the failover path. Writes check that the queue
 * or rule exists first, because a {@code [find]} that matches nothing is a silent no-op. The
 * console shows no ids, so {@link QueueInfo#id()} is empty. A call takes at most
 * {@code router.timeout_ms}, plus {@code connect_timeout_ms} when it has to open the session first.
 */
public final class SshRouterClient implements RouterClient {

    private final String router;
    private final SshSession session;
    private final CliReplies replies;

    /** A client for {@code config}'s router; connects lazily. Throws IllegalArgumentException without credentials. */
    public SshRouterClient(RouterConfig config) {
        this(config, Clock.system());
    }

    SshRouterClient(RouterConfig config, Clock clock) {
        this.router = config.host();
        this.session = new SshSession(config, clock);
        this.replies = new CliReplies(router);
    }

    @Override
    public QueueInfo readQueue(String name) throws RouterException {
        return replies.queueInfo(replies.queue(name, list(CliCommands.queueDetail(name), session.newDeadline())));
    }

    @Override
    public void setMaxLimit(String name, long maxLimitBps) throws RouterException {
        if (maxLimitBps < 0) {
            throw new IllegalArgumentException("max-limit must not be negative: " + maxLimitBps);
        }
        Deadline deadline = session.newDeadline();
        if (count(CliCommands.countQueues(name), deadline) == 0) {
            throw RouterException.queueNotFound(router, name);
        }
        write(CliCommands.setMaxLimit(name, maxLimitBps), deadline);
    }

    @Override
    public QueueStats readQueueStats(String name) throws RouterException {
        return replies.queueStats(replies.queue(name, list(CliCommands.queueStats(name), session.newDeadline())));
    }

    /** True only when every rule carrying the comment is enabled. */
    @Override
    public boolean ruleEnabled(String comment) throws RouterException {
        List<CliItem> rules = list(CliCommands.ruleDetail(comment), session.newDeadline());
        if (rules.isEmpty()) {
            throw RouterException.ruleNotFound(router, comment);
        }
        return rules.stream().noneMatch(CliItem::disabled);
    }

    @Override
    public void setRuleEnabled(String comment, boolean enabled) throws RouterException {
        Deadline deadline = session.newDeadline();
        if (count(CliCommands.countRules(comment), deadline) == 0) {
            throw RouterException.ruleNotFound(router, comment);
        }
        write(CliCommands.setRuleEnabled(comment, enabled), deadline);
    }

    @Override
    public SystemInfo readSystem() throws RouterException {
        return CliResource.parse(run(CliCommands.systemResource(), session.newDeadline()));
    }

    @Override
    public String transport() {
        return "ssh";
    }

    @Override
    public void close() {
        session.close();
    }

    private List<CliItem> list(String command, Deadline deadline) throws RouterException {
        return CliListing.parse(run(command, deadline));
    }

    private int count(String command, Deadline deadline) throws RouterException {
        return replies.count(command, run(command, deadline));
    }

    /** A console write prints nothing when it worked; any text is the router's complaint. */
    private void write(String command, Deadline deadline) throws RouterException {
        String out = run(command, deadline);
        if (!out.isBlank()) {
            throw new RouterException(Kind.ROUTER_ERROR, "router " + router + " (ssh) answered `" + command + "` with: "
                    + RouterException.shorten(out.strip()));
        }
    }

    private String run(String command, Deadline deadline) throws RouterException {
        String out = session.exec(command, deadline);
        CliErrors.check(router, command, out);
        return out;
    }

    @Override
    public String toString() {
        return "SshRouterClient[" + router + "]";
    }
}
