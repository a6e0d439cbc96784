package dev.wanctl.cli;

import dev.wanctl.core.config.ConfigLoader;
import dev.wanctl.core.config.ConfigProblem;
import dev.wanctl.core.config.Loaded;
import dev.wanctl.core.config.SteeringConfig;
import dev.wanctl.core.daemon.DaemonExit;
import dev.wanctl.core.daemon.ExitStatus;
import dev.wanctl.steering.SteeringDaemon;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code wanctl steering --config F}: what {@code wanctl-steering.service} runs. */
@Command(name = "steering", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = {
    "Run the steering daemon: when the primary WAN is congested, enable the mangle rule that sends new"
            + " latency-sensitive connections out the other WAN; disable it when the primary is healthy again.",
    "Exit 75 when another instance holds the lock, 77 when the router rejects the credentials, 78 for an"
            + " invalid config, 1 when the rule or the queue is missing."})
final class SteeringCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(SteeringCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Steering config.")
    Path config;

    @Option(names = "--dry-run", description = "Decide and log WOULD_ENABLE / WOULD_DISABLE; never change the rule"
            + " or write the state file.")
    boolean dryRun;

    @Option(names = "--reset", description = "Disable the rule (verified), reset the state to GOOD, exit.")
    boolean reset;

    @Mixin
    LogOptions log;

    @Override
    public Integer call() {
        if (dryRun && reset) {
            throw new ParameterException(spec.commandLine(), "--reset and --dry-run do not go together");
        }
        log.apply(null);
        Loaded<SteeringConfig> loaded = ConfigLoader.loadSteering(config, ConfigLoader.Options.daemon());
        if (!loaded.ok()) {
            LOG.error("{} is invalid; not starting:", config);
            loaded.errors().forEach(p -> LOG.error("  {}", p));
            return ExitStatus.CONFIG;
        }
        SteeringConfig c = loaded.config();
        log.apply(c.wanName());
        for (ConfigProblem p : loaded.warnings()) {
            LOG.warn("{}: config warning: {}", c.wanName(), p);
        }
        SteeringDaemon daemon = new SteeringDaemon(config, new SteeringDaemon.Options(dryRun, reset),
                SteeringDaemon.Services.production());
        try {
            return daemon.run(c);
        } catch (DaemonExit e) {
            LOG.error("{}: {}", c.wanName(), e.getMessage());
            return e.status();
        }
    }
}
