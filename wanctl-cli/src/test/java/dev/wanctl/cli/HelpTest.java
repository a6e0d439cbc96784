package dev.wanctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelpTest {

    @Test
    void everyCommandAndSubcommandAnswersHelpWithItsUsageAndExitZero() {
        List<String[]> paths = new ArrayList<>();
        collect(Main.commandLine(), new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThanOrEqualTo(12);
        for (String[] path : paths) {
            String[] args = java.util.Arrays.copyOf(path, path.length + 1);
            args[path.length] = "--help";
            CliRunner.Result r = CliRunner.run(args);
            String name = String.join(" ", path);
            assertThat(r.exitCode()).as("wanctl %s --help: %s", name, r.err()).isZero();
            assertThat(r.out()).as("wanctl %s --help", name).startsWith("Usage: wanctl " + name);
        }
    }

    @Test
    void theCommandListShowsOneShortLinePerCommand() {
        String help = CliRunner.run("--help").out();
        for (String command : Main.commandLine().getSubcommands().keySet()) {
            assertThat(help).as(command).containsPattern("(?m)^  " + command + "\\s+\\S");
        }
    }

    private static void collect(CommandLine cl, List<String> prefix, List<String[]> out) {
        cl.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help")) {
                return;
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(name);
            out.add(path.toArray(String[]::new));
            collect(sub, path, out);
        });
    }
}
