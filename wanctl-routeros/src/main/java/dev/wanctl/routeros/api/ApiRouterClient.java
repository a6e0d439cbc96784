package dev.wanctl.routeros.api;

import dev.wanctl.core.runtime.Clock;
import dev.wanctl.routeros.Deadline;
import dev.wanctl.routeros.QueueInfo;
import dev.wanctl.routeros.QueueStats;
import dev.wanctl.routeros.RouterClient;
import dev.wanctl.routeros.RouterException;
import dev.wanctl.routeros.RouterException.Kind;
import dev.wanctl.routeros.RouterItems;
import dev.wanctl.routeros.RouterValues;
import dev.wanctl.routeros.SystemInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link RouterClient} over the RouterOS API (8729 with TLS, 8728 plain): one persistent
 * connection, length-prefixed sentences, no HTTP request per call, and queue counters that the
 * router can stream ({@link #streamQueueStats}). A queue is written by name
 * ({@code =numbers=<name>}), one exchange per write; a rule is found by its comment with a query
 * and toggled by id. A call takes at most {@code router.timeout_ms}, plus
 * {@code connect_timeout_ms} when it has to open the connection first.
 */
public final class ApiRouterClient implements RouterClient {

    static final String QUEUE_TREE = "/queue/tree";
    static final String MANGLE = "/ip/firewall/mangle";
    /** How often the router pushes the streamed counters. */
    static final Duration STREAM_INTERVAL = Duration.ofMillis(50);
    /** A streamed sample older than this is not used (the stream stalled): a request is made instead. */
    static final Duration STREAM_MAX_AGE = Duration.ofMillis(250);
    static final String STATS_PROPLIST = "=.proplist=name,bytes,packets,dropped,queued-bytes,queued-packets,rate";

    private final String router;
    private final ApiSession session;
    private final Clock clock;
    private final ApiCounterStream stream;

    /** A client for {@code settings}; connects on its first call. */
    public ApiRouterClient(ApiSettings settings) {
        this(settings, Clock.system());
    }

    /** A client on {@code clock} (reconnect back-off, call deadlines, sample ages). */
    public ApiRouterClient(ApiSettings settings, Clock clock) {
        this.router = settings.host();
        this.clock = clock;
        this.session = new ApiSession(settings, clock);
        this.stream = new ApiCounterStream(session, clock, router);
    }

    @Override
    public QueueInfo readQueue(String name) throws RouterException {
        Map<String, String> q = onlyQueue(name, run(ApiSentence.of(QUEUE_TREE + "/print", "?name=" + name,
                "=.proplist=.id,name,parent,queue,max-limit,disabled"), session.newDeadline()));
        return RouterItems.queueInfo(required(q, ".id"), flag(q, "disabled"), f -> required(q, f));
    }

    @Override
    public void setMaxLimit(String name, long maxLimitBps) throws RouterException {
        if (maxLimitBps < 0) {
            throw new IllegalArgumentException("max-limit must not be negative: " + maxLimitBps);
        }
        Deadline deadline = session.newDeadline();
        String value = "=max-limit=" + maxLimitBps;
        if (name.indexOf(',') < 0) {
            ApiReply r = call(ApiSentence.of(QUEUE_TREE + "/set", "=numbers=" + name, value), deadline);
            if (!r.refused()) {
                return;
            }
            if (!r.trap().noSuchItem()) {
                throw refused(QUEUE_TREE + "/set", r.trap());
            }
        }
        // a router that does not take names for numbers, or a name with a comma: by id
        String id = required(onlyQueue(name, run(ApiSentence.of(QUEUE_TREE + "/print", "?name=" + name,
                "=.proplist=.id"), deadline)), ".id");
        ApiReply r = call(ApiSentence.of(QUEUE_TREE + "/set", "=.id=" + id, value), deadline);
        if (r.refused()) {
            throw r.trap().noSuchItem() ? RouterException.queueNotFound(router, name)
                    : refused(QUEUE_TREE + "/set", r.trap());
        }
    }

    @Override
    public QueueStats readQueueStats(String name) throws RouterException {
        Map<String, String> q = onlyQueue(name, run(ApiSentence.of(QUEUE_TREE + "/print", "?name=" + name,
                STATS_PROPLIST), session.newDeadline()));
        return RouterItems.queueStats(f -> required(q, f));
    }

    /**
     * Both queues' counters, as the autorate daemon reads them on its cadence: the samples the
     * router streams ({@code print =interval=50ms} for both queues, started by the first call) when
     * they are fresh, so that a loaded daemon makes no request for its counters; one {@code print}
     * for both otherwise. A streamed sample is at most {@link #STREAM_INTERVAL} old when read (that
     * much error in the time between two reads).
     */
    @Override
    public QueueStats[] readQueueStats(String first, String second) throws RouterException {
        List<String> both = List.of(first, second);
        QueueStats a = stream.latest(both, first, STREAM_INTERVAL, STREAM_MAX_AGE);
        QueueStats b = stream.latest(both, second, STREAM_INTERVAL, STREAM_MAX_AGE);
        if (a != null && b != null) {
            return new QueueStats[] {a, b};
        }
        ApiReply r = run(ApiSentence.of(QUEUE_TREE + "/print", "?name=" + first, "?name=" + second, "?#|",
                STATS_PROPLIST), session.newDeadline());
        Map<String, String> qa = null;
        Map<String, String> qb = null;
        for (Map<String, String> item : r.items()) {
            if (first.equals(item.get("name"))) {
                qa = item;
            } else if (second.equals(item.get("name"))) {
                qb = item;
            }
        }
        if (qa == null || qb == null) {
            throw RouterException.queueNotFound(router, qa == null ? first : second);
        }
        Map<String, String> fa = qa;
        Map<String, String> fb = qb;
        return new QueueStats[] {RouterItems.queueStats(f -> required(fa, f)),
            RouterItems.queueStats(f -> required(fb, f))};
    }

    /**
     * The latest counters of {@code name} that the router streamed, no older than {@code maxAge};
     * null when there is none yet (the first call starts the stream of all {@code names}, which
     * then keeps coming every {@code interval} without a request per sample).
     */
    public QueueStats streamQueueStats(List<String> names, String name, Duration interval, Duration maxAge) {
        return stream.latest(names, name, interval, maxAge);
    }

    /** True only when every rule carrying the comment is enabled. */
    @Override
    public boolean ruleEnabled(String comment) throws RouterException {
        for (Map<String, String> rule : rules(comment, session.newDeadline())) {
            if (flag(rule, "disabled")) {
                return false;
            }
        }
        return true;
    }

    /** Applies to every rule carrying the comment, as the CLI's {@code [find comment=...]} would. */
    @Override
    public void setRuleEnabled(String comment, boolean enabled) throws RouterException {
        Deadline deadline = session.newDeadline();
        String command = MANGLE + (enabled ? "/enable" : "/disable");
        for (int attempt = 0; ; attempt++) {
            List<String> ids = new ArrayList<>();
            for (Map<String, String> rule : rules(comment, deadline)) {
                ids.add(required(rule, ".id"));
            }
            ApiReply r = call(ApiSentence.of(command, "=numbers=" + String.join(",", ids)), deadline);
            if (!r.refused()) {
                return;
            }
            if (!r.trap().noSuchItem() || attempt > 0) {
                throw r.trap().noSuchItem() ? RouterException.ruleNotFound(router, comment) : refused(command, r.trap());
            }
            // renumbered between the print and the write: look again once
        }
    }

    @Override
    public SystemInfo readSystem() throws RouterException {
        List<Map<String, String>> items = run(ApiSentence.of("/system/resource/print",
                "=.proplist=version,board-name,cpu-load,uptime"), session.newDeadline()).items();
        if (items.size() != 1) {
            throw new RouterException(Kind.PROTOCOL, "router " + router + " (api): /system/resource/print gave "
                    + items.size() + " items, expected 1");
        }
        Map<String, String> r = items.getFirst();
        return new SystemInfo(required(r, "version"), required(r, "board-name"),
                RouterValues.percent("cpu-load", required(r, "cpu-load")),
                RouterValues.duration("uptime", required(r, "uptime")));
    }

    @Override
    public String transport() {
        return "api";
    }

    @Override
    public void close() {
        stream.close();
        session.close();
    }

    private List<Map<String, String>> rules(String comment, Deadline deadline) throws RouterException {
        ApiReply r = run(ApiSentence.of(MANGLE + "/print", "?comment=" + comment, "=.proplist=.id,comment,disabled"),
                deadline);
        List<Map<String, String>> exact = r.items().stream().filter(m -> comment.equals(m.get("comment"))).toList();
        if (exact.isEmpty()) {
            throw RouterException.ruleNotFound(router, comment);
        }
        return exact;
    }

    private Map<String, String> onlyQueue(String name, ApiReply r) throws RouterException {
        for (Map<String, String> item : r.items()) {
            if (name.equals(item.get("name")) || !item.containsKey("name")) {
                return item;
            }
        }
        throw RouterException.queueNotFound(router, name);
    }

    /** A command that must not be refused. */
    private ApiReply run(ApiSentence command, Deadline deadline) throws RouterException {
        ApiReply r = call(command, deadline);
        if (r.refused()) {
            throw refused(command.head(), r.trap());
        }
        return r;
    }

    private ApiReply call(ApiSentence command, Deadline deadline) throws RouterException {
        if (deadline.expired()) {
            throw new RouterException(Kind.TIMEOUT, "router " + router + " (api): no time left for "
                    + command.head() + " within the call's bound");
        }
        long opened = session.connectionsMade();
        ApiConnection c = session.connection(deadline);
        try {
            return c.call(command, deadline);
        } catch (RouterException e) {
            // a connection that died while idle (router restarted, session closed by an administrator)
            // is noticed by the first call on it: that call gets one new connection within its bound
            if (e.kind() == Kind.UNREACHABLE && session.connectionsMade() == opened && opened > 0
                    && !deadline.expired()) {
                return session.connection(deadline).call(command, deadline);
            }
            throw e;
        }
    }

    private RouterException refused(String command, ApiTrap trap) {
        return new RouterException(Kind.ROUTER_ERROR, "router " + router + " (api) refused " + command + ": "
                + RouterException.shorten(trap.message()));
    }

    private String required(Map<String, String> item, String field) throws RouterException {
        String v = item.get(field);
        if (v == null) {
            throw RouterException.protocol("router " + router + " (api): reply lacks =" + field + "=", item.toString());
        }
        return v;
    }

    private static boolean flag(Map<String, String> item, String field) throws RouterException {
        String v = item.get(field);
        return v != null && RouterValues.bool(field, v);
    }

    @Override
    public String toString() {
        return "ApiRouterClient[" + router + "]";
    }
}
