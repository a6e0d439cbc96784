package dev.wanctl.cli;

import dev.wanctl.cli.soak.SoakReportCommand;
import dev.wanctl.core.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code wanctl} command: one entry point for the daemons and the tools. */
@Command(
        name = "wanctl",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Adaptive CAKE bandwidth control and dual-WAN steering for MikroTik RouterOS.",
        subcommands = {
            AutorateCommand.class,
            CheckConfigCommand.class,
            DemoCommand.class,
            EmulateRouterCommand.class,
            PlotCommand.class,
            ReplayCommand.class,
            RouterCommand.class,
            SimulateCommand.class,
            SoakReportCommand.class,
            StatusCommand.class,
            SteeringCommand.class,
            GenerateDocsCommand.class,
            TestbedCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line, for callers that capture its output. */
    static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"wanctl " + Version.get() + " (Java " + Runtime.version() + ")"};
        }
    }
}
