package dev.wanctl.sim.scenario;

import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.config.ConfigEnvironment;
import dev.wanctl.core.config.ConfigLoader;
import dev.wanctl.core.config.Loaded;
import dev.wanctl.core.control.ControlLaws;
import dev.wanctl.core.control.ControllerParams;
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
        return autorate(scenario.name(), scenario.configPath());
    }

    /** The autorate config {@code name} (a file or a bundled config), for the scenario called {@code scenarioName}. */
    static AutorateConfig autorate(String scenarioName, String name) {
        if (name == null || name.isBlank() || name.equals(ScenarioLoader.NO_CONFIG)) {
            throw new IllegalArgumentException(scenarioName + ": names no wanctl config (key config)");
        }
        Path file = Path.of(name);
        Loaded<AutorateConfig> loaded = Files.isRegularFile(file)
                ? ConfigLoader.loadAutorate(file, OPTIONS)
                : ConfigLoader.parseAutorate(bundled(scenarioName, name), file, OPTIONS);
        if (!loaded.ok()) {
            throw new IllegalArgumentException(scenarioName + ": config " + name + " is invalid:\n" + loaded.errorReport());
        }
        return loaded.config();
    }

    /** {@code c} on the reference law (as if it had no {@code law: adaptive}): every other setting as written. */
    public static AutorateConfig referenceLaw(AutorateConfig c) {
        ControllerParams p = c.control();
        if (p.lawName().equals(ControlLaws.REFERENCE)) {
            return c;
        }
        return new AutorateConfig(c.source(), c.wanName(), c.router(), c.rateLimit(), c.queues(), c.interval(),
                new ControllerParams(p.rtt(), p.download(), p.upload()), c.probe(), c.fallback(), c.stateFile(),
                c.stateWriteInterval(), c.lockFile(), c.health(), c.metrics(), c.recording(), c.statusLogInterval(),
                c.notes());
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

    private static String bundled(String scenarioName, String name) {
        String relative = name.startsWith("configs/") ? name.substring("configs/".length()) : name;
        try (InputStream in = ScenarioConfigs.class.getResourceAsStream(BUNDLED + relative)) {
            if (in == null) {
                throw new IllegalArgumentException((scenarioName == null ? "" : scenarioName + ": ") + "config " + name
                        + " is neither a file nor a bundled config (configs/spectrum.yaml, configs/att.yaml, ...)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("bundled config " + name + " unreadable", e);
        }
    }
}
