package dev.wanctl.emulator;

import dev.wanctl.emulator.faults.FaultState;
import dev.wanctl.emulator.faults.Faults;
import dev.wanctl.emulator.model.Counters;
import dev.wanctl.emulator.model.MenuSpecs;
import dev.wanctl.emulator.model.MenuTable;
import dev.wanctl.emulator.model.RequestCounters;
import dev.wanctl.emulator.model.RequestKind;
import dev.wanctl.emulator.model.RosError;
import dev.wanctl.emulator.model.RouterState;
import dev.wanctl.emulator.model.Row;
import dev.wanctl.emulator.model.Transport;

import dev.wanctl.routeros.QueueInfo;
import dev.wanctl.routeros.QueueStats;
import dev.wanctl.routeros.RouterClient;
import dev.wanctl.routeros.RouterException;
import dev.wanctl.routeros.RouterException.Kind;
import dev.wanctl.routeros.SystemInfo;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A {@link RouterClient} that works on the emulator's state directly, without sockets, for the
 * fast simulator and unit tests on a virtual clock. It honours the {@link Transport#IN_PROCESS}
 * faults that make sense without a network: down or rebooting is UNREACHABLE, a dropped
 * connection UNREACHABLE, a time-out TIMEOUT (at once: no real waiting), rejected credentials
 * AUTHENTICATION, a server error ROUTER_ERROR, a deleted queue or rule NOT_FOUND. Latency is
 * ignored (virtual time). Writes are recorded in the state's history like any other.
 */
public final class EmulatedRouterClient implements RouterClient {

    private final RouterState state;
    private final Faults faults;
    private final RequestCounters counters;
    private final String user;
    private final String password;
    private volatile boolean closed;

    EmulatedRouterClient(RouterState state, Faults faults, RequestCounters counters, String user, String password) {
        this.state = state;
        this.faults = faults;
        this.counters = counters;
        this.user = user;
        this.password = password;
    }

    @Override
    public QueueInfo readQueue(String name) throws RouterException {
        enter(RequestKind.READ);
        synchronized (state.lock()) {
            Row r = queue(name);
            return new QueueInfo(r.idText(), r.get("name"), r.get("parent"), r.get("queue"),
                    Long.parseLong(r.get("max-limit")), r.flag("disabled"));
        }
    }

    @Override
    public void setMaxLimit(String name, long maxLimitBps) throws RouterException {
        enter(RequestKind.WRITE);
        synchronized (state.lock()) {
            MenuTable t = state.table(MenuSpecs.QUEUE_TREE);
            try {
                state.ops().set(t, queue(name), Map.of("max-limit", Long.toString(maxLimitBps)), Transport.IN_PROCESS);
            } catch (RosError e) {
                throw new RouterException(Kind.ROUTER_ERROR, "router refused max-limit " + maxLimitBps + " for " + name
                        + ": " + e.getMessage());
            }
        }
    }

    @Override
    public QueueStats readQueueStats(String name) throws RouterException {
        enter(RequestKind.READ);
        synchronized (state.lock()) {
            Counters c = queue(name).counters;
            return new QueueStats(name, c.bytes, c.packets, c.dropped, c.queuedBytes, c.queuedPackets, c.rateBps);
        }
    }

    /** Both queues in one request, as the REST listing does. */
    @Override
    public QueueStats[] readQueueStats(String first, String second) throws RouterException {
        enter(RequestKind.READ);
        synchronized (state.lock()) {
            Counters a = queue(first).counters;
            Counters b = queue(second).counters;
            return new QueueStats[] {
                new QueueStats(first, a.bytes, a.packets, a.dropped, a.queuedBytes, a.queuedPackets, a.rateBps),
                new QueueStats(second, b.bytes, b.packets, b.dropped, b.queuedBytes, b.queuedPackets, b.rateBps)};
        }
    }

    @Override
    public boolean ruleEnabled(String comment) throws RouterException {
        enter(RequestKind.READ);
        synchronized (state.lock()) {
            return !rules(comment).getFirst().flag("disabled");
        }
    }

    @Override
    public void setRuleEnabled(String comment, boolean enabled) throws RouterException {
        enter(RequestKind.WRITE);
        synchronized (state.lock()) {
            MenuTable t = state.table(MenuSpecs.MANGLE);
            for (Row r : rules(comment)) {
                state.ops().setDisabled(t, r, !enabled, Transport.IN_PROCESS);
            }
        }
    }

    @Override
    public SystemInfo readSystem() throws RouterException {
        enter(RequestKind.READ);
        return new SystemInfo(state.version(), state.boardName(), state.cpuLoadPercent(),
                Duration.ofSeconds(state.uptime().toSeconds()));
    }

    @Override
    public String transport() {
        return "emulated";
    }

    @Override
    public void close() {
        closed = true;
    }

    private void enter(RequestKind kind) throws RouterException {
        counters.increment(Transport.IN_PROCESS, kind);
        if (closed) {
            throw new RouterException(Kind.UNREACHABLE, "client closed");
        }
        if (faults.unreachable(Transport.IN_PROCESS)) {
            throw new RouterException(Kind.UNREACHABLE, "router unreachable (emulated: down or rebooting)");
        }
        FaultState f = faults.state(Transport.IN_PROCESS);
        if (f.takeHang()) {
            throw new RouterException(Kind.TIMEOUT, "no reply from the router (emulated time-out)");
        }
        if (f.takeDrop()) {
            throw new RouterException(Kind.UNREACHABLE, "connection closed without a reply (emulated)");
        }
        if (f.rejectCredentials || !state.passwordMatches(user, password)) {
            throw new RouterException(Kind.AUTHENTICATION, "router rejected the credentials of user " + user);
        }
        int status = f.takeServerError();
        if (status != 0) {
            throw new RouterException(Kind.ROUTER_ERROR, "router error " + status + " (emulated)");
        }
    }

    private Row queue(String name) throws RouterException {
        Row r = state.table(MenuSpecs.QUEUE_TREE).byName(name);
        if (r == null) {
            throw new RouterException(Kind.NOT_FOUND, "no queue-tree item named " + name);
        }
        return r;
    }

    private List<Row> rules(String comment) throws RouterException {
        List<Row> rows = state.table(MenuSpecs.MANGLE).rows().stream()
                .filter(r -> comment.equals(r.get("comment"))).toList();
        if (rows.isEmpty()) {
            throw new RouterException(Kind.NOT_FOUND, "no mangle rule with comment " + comment);
        }
        return rows;
    }
}
