package dev.wanctl.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Loads and validates autorate and steering configs. Accepts every config the Python reference
 * implementation (v1.1) accepts, reports every problem at once with its key path and line, and
 * warns about unknown keys with a "did you mean".
 */
public final class ConfigLoader {

    /** Which daemon a config file is for. */
    public enum Kind {
        AUTORATE,
        STEERING
    }

    /**
     * @param env where secrets come from
     * @param strictSecrets a secret that cannot be resolved is an error (daemons) rather than a
     *     warning ({@code check-config} on a machine without the secrets)
     */
    public record Options(ConfigEnvironment env, boolean strictSecrets) {

        /** For a daemon about to run: secrets must resolve. */
        public static Options daemon() {
            return new Options(ConfigEnvironment.system(), true);
        }

        /** For checking a file: unresolved secrets are warnings. */
        public static Options check() {
            return new Options(ConfigEnvironment.system(), false);
        }
    }

    /** The largest config read: a real one is a few kB; a 10 MB one must neither stall nor exhaust a daemon. */
    public static final int MAX_CONFIG_BYTES = 128 * 1024;

    private ConfigLoader() {}

    public static Loaded<AutorateConfig> loadAutorate(Path file, Options options) {
        return read(file).map(text -> parseAutorate(text, file, options))
                .orElseGet(() -> unreadable(file));
    }

    public static Loaded<SteeringConfig> loadSteering(Path file, Options options) {
        return read(file).map(text -> parseSteering(text, file, options))
                .orElseGet(() -> unreadable(file));
    }

    /** Parses autorate YAML text; {@code source} is used in messages and the result. */
    public static Loaded<AutorateConfig> parseAutorate(String yaml, Path source, Options options) {
        Problems problems = new Problems();
        Optional<YamlNode.Mapping> root = YamlTree.parse(yaml, problems);
        AutorateConfig cfg = root.map(m -> new AutorateConfigBuilder(
                new ConfigReader(m, AutorateSchema.SCHEMA, problems), options).build(source)).orElse(null);
        return new Loaded<>(source, problems.hasErrors() ? null : cfg, problems.errors(), problems.warnings());
    }

    /** Parses steering YAML text. */
    public static Loaded<SteeringConfig> parseSteering(String yaml, Path source, Options options) {
        Problems problems = new Problems();
        Optional<YamlNode.Mapping> root = YamlTree.parse(yaml, problems);
        SteeringConfig cfg = root.map(m -> new SteeringConfigBuilder(
                new ConfigReader(m, SteeringSchema.SCHEMA, problems), options).build(source)).orElse(null);
        return new Loaded<>(source, problems.hasErrors() ? null : cfg, problems.errors(), problems.warnings());
    }

    /**
     * Whether YAML text is a steering config (it has {@code topology} or {@code mangle_rule}) or
     * an autorate config; empty when it cannot be parsed.
     */
    public static Optional<Kind> detectKind(String yaml) {
        Optional<YamlNode.Mapping> root = YamlTree.parse(yaml, new Problems());
        return root.map(m -> m.entries().containsKey("topology") || m.entries().containsKey("mangle_rule")
                ? Kind.STEERING : Kind.AUTORATE);
    }

    /** The line of the key {@code path} ({@code "health_check.port"}) in YAML text; 0 when it is not there. */
    public static int lineOf(String yaml, String path) {
        YamlNode n = YamlTree.parse(yaml, new Problems()).orElse(null);
        for (String part : path.split("\\.")) {
            if (!(n instanceof YamlNode.Mapping m) || !m.entries().containsKey(part)) {
                return 0;
            }
            n = m.entries().get(part);
        }
        return n == null ? 0 : n.line();
    }


    /**
     * The text of {@code file}, empty when it cannot be read, is not a regular file (a FIFO would
     * block) or is larger than {@link #MAX_CONFIG_BYTES}.
     */
    public static Optional<String> read(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_CONFIG_BYTES) {
                return Optional.empty();
            }
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static <T> Loaded<T> unreadable(Path file) {
        String why;
        try {
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                why = "is not a regular file (a FIFO, device or directory); a config is a YAML file";
            } else if (Files.size(file) > MAX_CONFIG_BYTES) {
                why = "is " + Files.size(file) + " bytes; a config is a few kB (at most " + MAX_CONFIG_BYTES
                        + " bytes are read)";
            } else {
                Files.readString(file, StandardCharsets.UTF_8);
                why = "cannot be read";
            }
        } catch (NoSuchFileException e) {
            why = "no such file";
        } catch (IOException e) {
            why = "cannot be read: " + e.getMessage();
        }
        return new Loaded<>(file, null, java.util.List.of(new ConfigProblem("", 0, why)), java.util.List.of());
    }
}
