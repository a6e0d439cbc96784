package dev.wanctl.cli;

import dev.wanctl.autorate.AutorateDaemon;
import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.config.ConfigLoader;
import dev.wanctl.core.config.ConfigProblem;
import dev.wanctl.core.config.Loaded;
import dev.wanctl.core.daemon.DaemonExit;
import dev.wanctl.core.daemon.ExitStatus;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wanctl autorate --config F}: what {@code wanctl@<wan>.service} runs. */
@Command(name = "autorate", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = {
    "Run the autorate daemon for one WAN: measure RTT every cycle and move the CAKE queues' max-limit.",
    "Exit 75 when another instance holds the lock, 77 when the router rejects the credentials, 78 for an"
            + " invalid config."})
final class AutorateCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(AutorateCommand.class);

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Autorate config of the WAN.")
    Path config;

    @Option(names = "--dry-run", description = "Decide and log, never write to the router.")
    boolean dryRun;

    @Option(names = "--once", description = "Run one cycle, print it, exit.")
    boolean once;

    @Option(names = "--profile", description = "Log the phase timings of every cycle.")
    boolean profile;

    @Mixin
    LogOptions log;

    @Override
    public Integer call() {
        log.apply(null);
        Loaded<AutorateConfig> loaded = ConfigLoader.loadAutorate(config, ConfigLoader.Options.daemon());
        if (!loaded.ok()) {
            LOG.error("{} is invalid; not starting:", config);
            loaded.errors().forEach(p -> LOG.error("  {}", p));
            return ExitStatus.CONFIG;
        }
        AutorateConfig c = loaded.config();
        log.apply(c.wanName());
        for (ConfigProblem p : loaded.warnings()) {
            LOG.warn("{}: config warning: {}", c.wanName(), p);
        }
        AutorateDaemon daemon = new AutorateDaemon(config, new AutorateDaemon.Options(dryRun, once, profile),
                AutorateDaemon.Services.production());
        try {
            return daemon.run(c);
        } catch (DaemonExit e) {
            LOG.error("{}: {}", c.wanName(), e.getMessage());
            return e.status();
        }
    }
}
