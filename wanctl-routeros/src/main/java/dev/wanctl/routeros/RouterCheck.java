package dev.wanctl.routeros;

import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.routeros.RouterCheckResult.Latency;
import dev.wanctl.routeros.RouterCheckResult.QueueReport;
import dev.wanctl.routeros.RouterCheckResult.RuleReport;
import dev.wanctl.routeros.RouterException.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * {@code wanctl router check}: before starting a daemon, show that the router answers with the
 * configured transport and credentials, that every queue and the steering rule it will touch
 * exist, and how long one call takes. Reads only; never writes to the router.
 */
public final class RouterCheck {

    private final Function<RouterConfig, ? extends Shaper> clients;
    private final Clock clock;

    /**
     * {@code clients} makes the backend for a config (the registry's {@code shaper} in production:
     * {@code RouterBackends.check()}); the rule is checked when it plays steering's role.
     */
    public RouterCheck(Function<RouterConfig, ? extends Shaper> clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    /**
     * The configs to check for {@code config}: itself, or for failover its primary (REST or the
     * API) and SSH one by one, because failover needs both to work and would otherwise hide a broken
     * primary behind SSH.
     */
    public static List<RouterConfig> perTransport(RouterConfig config) {
        return config.members().stream().map(config::withTransport).toList();
    }

    /**
     * Checks the router of {@code config}: system resource, each of {@code queues}, the rule with
     * {@code ruleComment} (null for none), then {@code calls} timed calls (0 for none).
     */
    public RouterCheckResult run(RouterConfig config, List<String> queues, String ruleComment, int calls) {
        String transport = config.transport().configName();
        Shaper client;
        try {
            client = clients.apply(config);
        } catch (IllegalArgumentException e) {
            return RouterCheckResult.invalidRouter(config.host(), transport,
                    List.of("invalid router configuration: " + e.getMessage()));
        }
        try (client) {
            return check(client, config.host(), queues, ruleComment, calls);
        }
    }

    private RouterCheckResult check(Shaper client, String router, List<String> queues, String ruleComment,
            int calls) {
        List<String> problems = new ArrayList<>();
        SystemInfo system;
        try {
            system = client.readSystem();
        } catch (RouterException e) {
            problems.add(describe(e));
            return new RouterCheckResult(router, client.transport(), null, List.of(), null, null, problems,
                    exitCode(e));
        }
        int exit = RouterCheckResult.OK;
        List<QueueReport> queueReports = new ArrayList<>();
        for (String name : queues) {
            try {
                queueReports.add(new QueueReport(name, client.readQueue(name), client.readQueueStats(name), null));
            } catch (RouterException e) {
                queueReports.add(new QueueReport(name, null, null, describe(e)));
                problems.add(describe(e));
                exit = RouterCheckResult.worse(exit, exitCode(e));
            }
        }
        RuleReport rule = null;
        if (ruleComment != null) {
            try {
                if (!(client instanceof SteeringRouter steering)) {
                    throw new RouterException(Kind.PROTOCOL, "the " + client.transport() + " backend has no steering"
                            + " rule: steering needs a RouterOS router (transport "
                            + RouterConfig.Transport.routerOsNames() + ")");
                }
                rule = new RuleReport(ruleComment, steering.ruleEnabled(ruleComment), null);
            } catch (RouterException e) {
                rule = new RuleReport(ruleComment, null, describe(e));
                problems.add(describe(e));
                exit = RouterCheckResult.worse(exit, exitCode(e));
            }
        }
        Latency latency = null;
        if (calls > 0 && exit == RouterCheckResult.OK) {
            try {
                latency = measure(client, queues.isEmpty() ? null : queues.getFirst(), calls);
            } catch (RouterException e) {
                problems.add("while timing calls: " + describe(e));
                exit = RouterCheckResult.worse(exit, exitCode(e));
            }
        }
        return new RouterCheckResult(router, client.transport(), system, queueReports, rule, latency, problems, exit);
    }

    /** Times the call a daemon makes most: reading a queue's counters (the system resource without a queue). */
    private Latency measure(Shaper client, String queue, int calls) throws RouterException {
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            long start = clock.nanoTime();
            if (queue != null) {
                client.readQueueStats(queue);
            } else {
                client.readSystem();
            }
            nanos[i] = clock.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double median = calls % 2 == 1 ? nanos[calls / 2] : (nanos[calls / 2 - 1] + nanos[calls / 2]) / 2.0;
        String call = queue != null ? "readQueueStats(\"" + queue + "\")" : "readSystem()";
        return new Latency(call, calls, nanos[0] / 1e6, median / 1e6, nanos[calls - 1] / 1e6);
    }

    /** The error and, after a failover, what the other transport said too. */
    private static String describe(RouterException e) {
        StringBuilder sb = new StringBuilder(e.getMessage());
        for (Throwable s : e.getSuppressed()) {
            sb.append("; before that: ").append(s.getMessage());
        }
        return sb.toString();
    }

    private static int exitCode(RouterException e) {
        return e.kind() == Kind.AUTHENTICATION ? RouterCheckResult.CREDENTIALS_REJECTED : RouterCheckResult.FAILED;
    }
}
