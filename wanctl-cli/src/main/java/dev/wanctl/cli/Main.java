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
        return (args.length > 0 && DAEMONS.containsKey(args[0]) ? daemonCommandLine(args[0]) : commandLine())
                .execute(args);
    }

    /**
     * The daemons, which a unit starts with their name first. For them the command line is built
     * with their own subcommand only: picocli instantiates and models every subcommand it is given,
     * and a daemon should not load the simulator's, the plots' or the emulator's classes.
     */
    private static final java.util.Map<String, java.util.function.Supplier<Object>> DAEMONS = java.util.Map.of(
            "autorate", AutorateCommand::new,
            "steering", SteeringCommand::new);

    /** The configured command line, for callers that capture its output. */
    static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** A command line that knows only the daemon {@code name} (what {@code wanctl name ...} runs). */
    static CommandLine daemonCommandLine(String name) {
        CommandLine cl = new CommandLine(new Daemon());
        cl.addSubcommand(name, DAEMONS.get(name).get());
        return cl.setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** The top command of {@link #daemonCommandLine}: the same name, version and options as Main's. */
    @Command(name = "wanctl", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
            description = "Adaptive CAKE bandwidth control and dual-WAN steering for MikroTik RouterOS.")
    static final class Daemon implements Runnable {
        @Override
        public void run() {
            // never reached: run() chooses this command line only with a daemon's name first
        }
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
