package dev.wanctl.sim.scenario;

import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.config.ConfigEnvironment;
import dev.wanctl.core.config.ConfigLoader;
import dev.wanctl.core.config.Loaded;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds and loads the wanctl config a scenario names: a file (absolute, or relative to the working
 * directory), else one of the configs shipped in {@code configs/} (bundled with the simulator).
 * Secrets are not needed in simulation: an unset {@code ${ROUTER_PASSWORD}} is fine.
 */
public final class ScenarioConfigs {

    private static final String BUNDLED = "/dev/wanctl/sim/configs/";
    private static final ConfigLoader.Options OPTIONS = new ConfigLoader.Options(new ConfigEnvironment(Map.of()), false);

    private ScenarioConfigs() {}

    /** The autorate config the scenario names. */
    public static AutorateConfig autorate(Scenario scenario) {
        String name = scenario.configPath();
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(scenario.name() + ": names no wanctl config (key config)");
        }
        Path file = Path.of(name);
        Loaded<AutorateConfig> loaded = Files.isRegularFile(file)
                ? ConfigLoader.loadAutorate(file, OPTIONS)
                : ConfigLoader.parseAutorate(bundled(scenario, name), file, OPTIONS);
        if (!loaded.ok()) {
            throw new IllegalArgumentException(scenario.name() + ": config " + name + " is invalid:\n" + loaded.errorReport());
        }
        return loaded.config();
    }

    /** A steering config: a file, else one shipped in {@code configs/} (e.g. {@code configs/steering.yaml}). */
    public static dev.wanctl.core.config.SteeringConfig steering(String name) {
        Path file = Path.of(name);
        Loaded<dev.wanctl.core.config.SteeringConfig> loaded = Files.isRegularFile(file)
                ? ConfigLoader.loadSteering(file, OPTIONS)
                : ConfigLoader.parseSteering(bundled(null, name), file, OPTIONS);
        if (!loaded.ok()) {
            throw new IllegalArgumentException("config " + name + " is invalid:\n" + loaded.errorReport());
        }
        return loaded.config();
    }

    private static String bundled(Scenario scenario, String name) {
        String relative = name.startsWith("configs/") ? name.substring("configs/".length()) : name;
        try (InputStream in = ScenarioConfigs.class.getResourceAsStream(BUNDLED + relative)) {
            if (in == null) {
                throw new IllegalArgumentException((scenario == null ? "" : scenario.name() + ": ") + "config " + name
                        + " is neither a file nor a bundled config (configs/spectrum.yaml, configs/att.yaml, ...)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("bundled config " + name + " unreadable", e);
        }
    }
}
