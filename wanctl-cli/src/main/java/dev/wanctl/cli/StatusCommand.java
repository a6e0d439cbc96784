package dev.wanctl.cli;

import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.config.ConfigLoader;
import dev.wanctl.core.config.EndpointConfig;
import dev.wanctl.core.config.Loaded;
import dev.wanctl.core.config.SteeringConfig;
import dev.wanctl.core.daemon.ExitStatus;
import java.io.IOException;
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

/**
 * {@code wanctl status}: one line per daemon from its /health endpoint, or, when it does not
 * answer, what its state file last said and how old that is. For a quick look without journalctl.
 */
@Command(name = "status", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = {
    "Show each daemon's state: its /health answer, or its last state file when it is not running.",
    "Exit 0 when every daemon answers healthy, 1 otherwise."})
final class StatusCommand implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Parameters(arity = "0..*", paramLabel = "CONFIG", description = "Configs (default: /etc/wanctl/*.yaml).")
    List<Path> configs = new ArrayList<>();

    @Option(names = "--config-dir", paramLabel = "DIR", defaultValue = "/etc/wanctl",
            description = "Where to find configs when none are named (default: ${DEFAULT-VALUE}).")
    Path configDir;

    @Spec
    CommandSpec spec;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> files = configs.isEmpty() ? discover() : configs;
        if (files.isEmpty()) {
            out.println("no configs in " + configDir + " (name them: wanctl status /etc/wanctl/spectrum.yaml)");
            return ExitStatus.FAILURE;
        }
        boolean allHealthy = true;
        for (Path f : files) {
            allHealthy &= show(f, out);
        }
        out.flush();
        return allHealthy ? ExitStatus.OK : ExitStatus.FAILURE;
    }

    private List<Path> discover() throws IOException {
        if (!Files.isDirectory(configDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(configDir)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private boolean show(Path file, PrintWriter out) {
        ConfigLoader.Options options = ConfigLoader.Options.check();
        Optional<ConfigLoader.Kind> kind = ConfigLoader.read(file).flatMap(ConfigLoader::detectKind);
        if (kind.isEmpty()) {
            out.println(file + ": cannot be read");
            return false;
        }
        if (kind.get() == ConfigLoader.Kind.STEERING) {
            Loaded<SteeringConfig> l = ConfigLoader.loadSteering(file, options);
            if (!l.ok()) {
                out.println(file + ": invalid config (wanctl check-config " + file + ")");
                return false;
            }
            return show(out, "steering", "steering", l.config().health(), l.config().stateFile(), true);
        }
        Loaded<AutorateConfig> l = ConfigLoader.loadAutorate(file, options);
        if (!l.ok()) {
            out.println(file + ": invalid config (wanctl check-config " + file + ")");
            return false;
        }
        return show(out, l.config().wanName(), "autorate", l.config().health(), l.config().stateFile(), false);
    }

    private boolean show(PrintWriter out, String name, String kind, EndpointConfig health, Path stateFile,
            boolean steering) {
        String prefix = String.format(Locale.ROOT, "%-10s %-9s", name, kind);
        Optional<JsonNode> h = health.enabled() ? fetch(health) : Optional.empty();
        if (h.isPresent()) {
            JsonNode doc = h.get();
            String status = doc.path("status").asString("unknown");
            out.println(prefix + " " + status + "  " + (steering ? steeringLine(doc) : autorateLine(doc))
                    + String.format(Locale.ROOT, "  up %s", uptime(doc.path("uptime_seconds").asDouble())));
            return "healthy".equals(status);
        }
        String where = health.enabled() ? "not answering on " + health.host() + ":" + health.port() : "no /health";
        out.println(prefix + " " + where + "; " + lastState(stateFile, steering));
        return false;
    }

    private Optional<JsonNode> fetch(EndpointConfig e) {
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
