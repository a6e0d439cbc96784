package dev.wanctl.routeros;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@code wanctl router check} found, as text for a person and JSON for a script; the exit
 * code follows the daemons' convention (0 fine, 1 unreachable or something missing, 77 credentials
 * or router identity rejected, 78 invalid configuration).
 *
 * @param router the router's host; null when the config could not be loaded
 * @param transport the transport used; null when the config could not be loaded
 * @param system null when the router could not be read
 * @param rule null when no rule comment was given
 * @param latency null when the calls were not measured (the router failed earlier)
 * @param problems one line per thing that is wrong, empty when everything named exists
 * @param config the config file when it could not be loaded (no router was reached), else null
 */
public record RouterCheckResult(
        String router,
        String transport,
        SystemInfo system,
        List<QueueReport> queues,
        RuleReport rule,
        Latency latency,
        List<String> problems,
        int exitCode,
        String config) {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int CREDENTIALS_REJECTED = 77;
    public static final int INVALID_CONFIG = 78;

    public RouterCheckResult {
        queues = List.copyOf(queues);
        problems = List.copyOf(problems);
    }

    /** The exit code of two findings together: rejected credentials first, then the higher code. */
    public static int worse(int a, int b) {
        return a == CREDENTIALS_REJECTED || b == CREDENTIALS_REJECTED ? CREDENTIALS_REJECTED : Math.max(a, b);
    }

    /** A reached router's findings. */
    public RouterCheckResult(String router, String transport, SystemInfo system, List<QueueReport> queues,
            RuleReport rule, Latency latency, List<String> problems, int exitCode) {
        this(router, transport, system, queues, rule, latency, problems, exitCode, null);
    }

    /**
     * The result for a config that could not be loaded: exit 78 with every problem; it names the
     * config file, not a router, since none was known or reached.
     */
    public static RouterCheckResult invalidConfig(String configFile, List<String> problems) {
        return new RouterCheckResult(null, null, null, List.of(), null, null, problems, INVALID_CONFIG, configFile);
    }

    /** The result for a router section the transport refused before any call: exit 78. */
    public static RouterCheckResult invalidRouter(String router, String transport, List<String> problems) {
        return new RouterCheckResult(router, transport, null, List.of(), null, null, problems, INVALID_CONFIG);
    }

    /** One queue: its configuration and counters, or why they could not be read. */
    public record QueueReport(String name, QueueInfo info, QueueStats stats, String error) {}

    /** The steering rule's state ({@code enabled} null when it could not be read). */
    public record RuleReport(String comment, Boolean enabled, String error) {}

    /** Per-call latency of {@code call} over {@code calls} calls, in milliseconds. */
    public record Latency(String call, int calls, double minMs, double medianMs, double maxMs) {}

    /** A few lines for a terminal. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        if (router == null) {
            sb.append("config ").append(config).append(": invalid, no router checked").append('\n');
        } else {
            sb.append("router ").append(router).append(" via ").append(transport).append('\n');
        }
        if (system != null) {
            sb.append(String.format(Locale.ROOT, "  RouterOS %s on %s, CPU load %d %%, up %s%n", system.version(),
                    system.boardName(), system.cpuLoadPercent(), humanDuration(system.uptime())));
        }
        for (QueueReport q : queues) {
            sb.append("  queue \"").append(q.name()).append("\": ");
            if (q.error() != null) {
                sb.append(q.error()).append('\n');
                continue;
            }
            sb.append(String.format(Locale.ROOT, "max-limit %s, parent %s, type %s%s%n", mbps(q.info().maxLimitBps()),
                    q.info().parent(), q.info().queueType(), q.info().disabled() ? ", DISABLED" : ""));
            QueueStats s = q.stats();
            sb.append(String.format(Locale.ROOT, "    bytes %d, packets %d, dropped %d, queued %d B / %d packets,"
                    + " rate %s%n", s.bytes(), s.packets(), s.dropped(), s.queuedBytes(), s.queuedPackets(),
                    String.format(Locale.ROOT, "%.1f Mbit/s", s.rateBps() / 1e6)));
        }
        if (rule != null) {
            sb.append("  rule \"").append(rule.comment()).append("\": ")
                    .append(rule.error() != null ? rule.error() : rule.enabled() ? "enabled" : "disabled")
                    .append('\n');
        }
        if (latency != null) {
            sb.append(String.format(Locale.ROOT, "  %s over %d calls: min %.2f ms, median %.2f ms, max %.2f ms%n",
                    latency.call(), latency.calls(), latency.minMs(), latency.medianMs(), latency.maxMs()));
        }
        if (problems.isEmpty()) {
            sb.append("OK\n");
        } else {
            sb.append("FAILED (exit ").append(exitCode).append("):\n");
            problems.forEach(p -> sb.append("  - ").append(p).append('\n'));
        }
        return sb.toString();
    }

    /** One JSON object; rates in bit/s, latencies in milliseconds, uptime in seconds. */
    public String toJson() {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode root = json.createObjectNode();
        if (config != null) {
            root.put("config", config);
        }
        root.put("router", router);
        root.put("transport", transport);
        root.put("ok", problems.isEmpty());
        root.put("exit_code", exitCode);
        if (system != null) {
            ObjectNode s = root.putObject("system");
            s.put("version", system.version());
            s.put("board_name", system.boardName());
            s.put("cpu_load_percent", system.cpuLoadPercent());
            s.put("uptime_seconds", system.uptime().toSeconds());
        }
        ArrayNode qs = root.putArray("queues");
        for (QueueReport q : queues) {
            ObjectNode n = qs.addObject();
            n.put("name", q.name());
            if (q.error() != null) {
                n.put("error", q.error());
                continue;
            }
            n.put("max_limit_bps", q.info().maxLimitBps());
            n.put("parent", q.info().parent());
            n.put("queue_type", q.info().queueType());
            n.put("disabled", q.info().disabled());
            n.put("bytes", q.stats().bytes());
            n.put("packets", q.stats().packets());
            n.put("dropped", q.stats().dropped());
            n.put("queued_bytes", q.stats().queuedBytes());
            n.put("queued_packets", q.stats().queuedPackets());
            n.put("rate_bps", q.stats().rateBps());
        }
        if (rule != null) {
            ObjectNode r = root.putObject("rule");
            r.put("comment", rule.comment());
            if (rule.error() != null) {
                r.put("error", rule.error());
            } else {
                r.put("enabled", rule.enabled());
            }
        }
        if (latency != null) {
            ObjectNode l = root.putObject("latency");
            l.put("call", latency.call());
            l.put("calls", latency.calls());
            l.put("min_ms", latency.minMs());
            l.put("median_ms", latency.medianMs());
            l.put("max_ms", latency.maxMs());
        }
        ArrayNode ps = root.putArray("problems");
        problems.forEach(ps::add);
        return json.writeValueAsString(root);
    }

    /** A max-limit: 0 means no limit on RouterOS. */
    private static String mbps(long bps) {
        return bps == 0 ? "unlimited" : String.format(Locale.ROOT, "%.1f Mbit/s", bps / 1e6);
    }

    /** As RouterOS prints it: {@code 2d20h12m20s}, {@code 5m3s}, {@code 7s}. */
    private static String humanDuration(Duration d) {
        long s = d.toSeconds();
        long[] parts = {s / 86400, s / 3600 % 24, s / 60 % 60, s % 60};
        String[] units = {"d", "h", "m", "s"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] > 0 || !sb.isEmpty() || i == parts.length - 1) {
                sb.append(parts[i]).append(units[i]);
            }
        }
        return sb.toString();
    }
}
