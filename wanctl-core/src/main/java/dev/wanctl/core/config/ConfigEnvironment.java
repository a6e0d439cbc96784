package dev.wanctl.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where secrets come from: environment variables ({@code EnvironmentFile=} in a unit) and systemd
 * credentials ({@code LoadCredential=}, files under {@code $CREDENTIALS_DIRECTORY}). An interface
 * of its own so tests need not touch the process environment.
 */
public final class ConfigEnvironment {

    private final Map<String, String> env;

    public ConfigEnvironment(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The process environment. */
    public static ConfigEnvironment system() {
        return new ConfigEnvironment(System.getenv());
    }

    Optional<String> variable(String name) {
        return Optional.ofNullable(env.get(name));
    }

    /** The systemd credential {@code name}, if {@code $CREDENTIALS_DIRECTORY/name} is readable. */
    Optional<String> credential(String name) throws IOException {
        String dir = env.get("CREDENTIALS_DIRECTORY");
        if (dir == null || dir.isEmpty() || name.contains("/") || name.startsWith(".")) {
            return Optional.empty();
        }
        Path p = Path.of(dir, name);
        if (!Files.isReadable(p)) {
            return Optional.empty();
        }
        return Optional.of(stripNewline(Files.readString(p, StandardCharsets.UTF_8)));
    }

    static String stripNewline(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }
}
