package dev.wanctl.cli;

import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.config.ConfigLoader;
import dev.wanctl.core.config.EndpointConfig;
import dev.wanctl.core.config.Loaded;
import dev.wanctl.core.config.SteeringConfig;
import dev.wanctl.core.daemon.ExitStatus;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code wanctl status}: one line per daemon from its /health endpoint, or, when it does not
 * answer, what its state file last said and how old that is. For a quick look without journalctl;
 * {@code --json} gives the same for scripts. A degraded daemon's line says why.
 */
@Command(name = "status", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = {
    "Show each daemon's state: its /health answer, or its last state file when it is not running.",
    "Exit 0 when every daemon answers healthy, 1 otherwise."})
final class StatusCommand implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** What a user outside the daemons' group is told instead of a stack trace. */
    private static final String PERMISSION_HINT =
            "permission denied (run as root or as a member of the wanctl group, or name a config you can read)";

    @Parameters(arity = "0..*", paramLabel = "CONFIG", description = "Configs (default: /etc/wanctl/*.yaml).")
    List<Path> configs = new ArrayList<>();

    @Option(names = "--config-dir", paramLabel = "DIR", defaultValue = "/etc/wanctl",
            description = "Where to find configs when none are named (default: ${DEFAULT-VALUE}).")
    Path configDir;

    @Option(names = "--json", description = "Print one JSON array, an object per daemon, instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    /**
     * Made on first use: picocli instantiates every command at start-up, and an HTTP client there
     * would load TLS and start a selector thread in every daemon.
     */
    private HttpClient http;

    /**
     * One daemon as seen now.
     *
     * @param status healthy, degraded, starting (from /health), or not_running, invalid_config,
     *     unreadable
     * @param health the /health document, null when it did not answer
     * @param line the text line after the name and kind
     */
    private record Entry(Path config, String name, String kind, String status, List<String> reasons,
            JsonNode health, String line) {
        boolean healthy() {
            return "healthy".equals(status);
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> files;
        try {
            files = configs.isEmpty() ? discover() : configs;
        } catch (IOException e) {
            String why = e instanceof AccessDeniedException ? PERMISSION_HINT : e.getMessage();
            spec.commandLine().getErr().println("wanctl status: cannot list " + configDir + ": " + why);
            return ExitStatus.FAILURE;
        }
        if (files.isEmpty()) {
            spec.commandLine().getErr().println(
                    "no configs in " + configDir + " (name them: wanctl status /etc/wanctl/spectrum.yaml)");
            return ExitStatus.FAILURE;
        }
        List<Entry> entries = files.stream().map(this::look).toList();
        if (json) {
            ArrayNode all = JSON.createArrayNode();
            entries.forEach(e -> all.add(toJson(e)));
            out.println(all);
        } else {
            for (Entry e : entries) {
                out.println(String.format(Locale.ROOT, "%-10s %-9s %s", e.name(), e.kind(), e.line()));
            }
        }
        out.flush();
        return entries.stream().allMatch(Entry::healthy) ? ExitStatus.OK : ExitStatus.FAILURE;
    }

    private List<Path> discover() throws IOException {
        if (!Files.isDirectory(configDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(configDir)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private Entry look(Path file) {
        String fileName = String.valueOf(file.getFileName());
        String base = fileName.endsWith(".yaml") ? fileName.substring(0, fileName.length() - 5) : fileName;
        if (Files.exists(file) && !Files.isReadable(file)) {
            return new Entry(file, base, "-", "unreadable", List.of(file + ": " + PERMISSION_HINT), null,
                    file + ": cannot be read: " + PERMISSION_HINT);
        }
        ConfigLoader.Options options = ConfigLoader.Options.check();
        Optional<ConfigLoader.Kind> kind = ConfigLoader.read(file).flatMap(ConfigLoader::detectKind);
        if (kind.isEmpty()) {
            return new Entry(file, base, "-", "unreadable", List.of(file + ": cannot be read"), null,
                    file + ": cannot be read");
        }
        if (kind.get() == ConfigLoader.Kind.STEERING) {
            Loaded<SteeringConfig> l = ConfigLoader.loadSteering(file, options);
            return l.ok() ? look(file, "steering", "steering", l.config().health(), l.config().stateFile(), true)
                    : invalid(file, base, "steering");
        }
        Loaded<AutorateConfig> l = ConfigLoader.loadAutorate(file, options);
        return l.ok() ? look(file, l.config().wanName(), "autorate", l.config().health(), l.config().stateFile(), false)
                : invalid(file, base, "autorate");
    }

    private static Entry invalid(Path file, String name, String kind) {
        return new Entry(file, name, kind, "invalid_config", List.of("invalid config"), null,
                file + ": invalid config (wanctl check-config " + file + ")");
    }

    private Entry look(Path file, String name, String kind, EndpointConfig health, Path stateFile, boolean steering) {
        Optional<JsonNode> h = health.enabled() ? fetch(health) : Optional.empty();
        if (h.isPresent()) {
            JsonNode doc = h.get();
            String status = doc.path("status").asString("unknown");
            // autorate says "reasons", steering "problems"; both are lists of sentences
            List<String> reasons = new ArrayList<>();
            for (String field : new String[] {"reasons", "problems"}) {
                doc.path(field).forEach(r -> reasons.add(r.asString()));
            }
            String line = status + "  " + (steering ? steeringLine(doc) : autorateLine(doc))
                    + String.format(Locale.ROOT, "  up %s", uptime(doc.path("uptime_seconds").asDouble()))
                    + ("healthy".equals(status) || reasons.isEmpty() ? "" : "  because: " + String.join("; ", reasons));
            return new Entry(file, name, kind, status, List.copyOf(reasons), doc, line);
        }
        String where = health.enabled() ? "not answering on " + health.host() + ":" + health.port() : "no /health";
        return new Entry(file, name, kind, "not_running", List.of(where), null,
                where + "; " + lastState(stateFile, steering));
    }

    private static ObjectNode toJson(Entry e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("config", e.config().toString());
        n.put("name", e.name());
        n.put("kind", e.kind());
        n.put("status", e.status());
        ArrayNode reasons = n.putArray("reasons");
        e.reasons().forEach(reasons::add);
        n.set("health", e.health());
        n.put("summary", e.line());
        return n;
    }

    private Optional<JsonNode> fetch(EndpointConfig e) {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        }
        String host = e.host().contains(":") ? "[" + e.host() + "]" : e.host();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + e.port()
                    + "/health")).timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            return Optional.of(JSON.readTree(r.body()));
        } catch (IOException | RuntimeException ex) {
            return Optional.empty();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static String autorateLine(JsonNode doc) {
        JsonNode w = doc.path("wans").path(0);
        return String.format(Locale.ROOT, "%s/%s  DL %.0fM  UL %.0fM  delta %.1f ms  baseline %.1f ms",
                w.path("download").path("state").asString("?"), w.path("upload").path("state").asString("?"),
                w.path("download").path("current_rate_mbps").asDouble(), w.path("upload").path("current_rate_mbps").asDouble(),
                w.path("delta_ms").asDouble(), w.path("baseline_rtt_ms").asDouble());
    }

    private static String steeringLine(JsonNode doc) {
        return doc.path("state").asString("?") + "  congestion " + doc.path("congestion").asString("?");
    }

    private static String lastState(Path stateFile, boolean steering) {
        try {
            if (!Files.exists(stateFile)) {
                return "no state file at " + stateFile;
            }
            JsonNode s = JSON.readTree(stateFile.toFile());
            Duration age = Duration.between(Files.getLastModifiedTime(stateFile).toInstant(), Instant.now());
            String what = steering ? s.path("current_state").asString("?")
                    : String.format(Locale.ROOT, "%s/%s DL %.0fM UL %.0fM", s.path("congestion").path("dl_state").asString("?"),
                            s.path("congestion").path("ul_state").asString("?"),
                            s.path("download").path("current_rate").asDouble() / 1e6,
                            s.path("upload").path("current_rate").asDouble() / 1e6);
            return "last state " + uptime(age.toSeconds()) + " ago: " + what + " (" + stateFile + ")";
        } catch (AccessDeniedException e) {
            return "state file unreadable: " + stateFile + ": " + PERMISSION_HINT;
        } catch (IOException | RuntimeException e) {
            return "state file unreadable: " + stateFile + " (" + e.getMessage() + ")";
        }
    }

    private static String uptime(double seconds) {
        long s = (long) seconds;
        if (s < 120) {
            return s + "s";
        }
        if (s < 7200) {
            return s / 60 + "m";
        }
        if (s < 172_800) {
            return s / 3600 + "h" + (s % 3600) / 60 + "m";
        }
        return s / 86400 + "d" + (s % 86400) / 3600 + "h";
    }
}
