package dev.wanctl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code wanctl router ...}: tools that talk to the router directly. */
@Command(name = "router", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Talk to the router directly.", subcommands = {RouterCheckCommand.class})
final class RouterCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
