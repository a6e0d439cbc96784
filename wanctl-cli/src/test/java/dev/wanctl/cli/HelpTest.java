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
        for (var e : Main.commandLine().getSubcommands().entrySet()) {
            String command = e.getKey();
            if (e.getValue().getCommandSpec().usageMessage().hidden()) {
                assertThat(help).as(command).doesNotContainPattern("(?m)^  " + command + "\\s");
                continue;
            }
            assertThat(help).as(command).containsPattern("(?m)^  " + command + "\\s+\\S");
        }
    }

    @Test
    void everyCommandsShortLineIsAWholeSentence() {
        List<String[]> paths = new ArrayList<>();
        collect(Main.commandLine(), new ArrayList<>(), paths);
        for (String[] path : paths) {
            CommandLine cl = Main.commandLine();
            for (String p : path) {
                cl = cl.getSubcommands().get(p);
            }
            String[] d = cl.getCommandSpec().usageMessage().description();
            assertThat(d).as("wanctl %s", String.join(" ", path)).isNotEmpty();
            // the parent's command list shows only this line: it must not stop mid-sentence
            assertThat(d[0]).as("wanctl %s: first description line", String.join(" ", path)).endsWith(".");
        }
        assertThat(CliRunner.run("router", "--help").out())
                .contains("check  Reach the router of a config as the daemon would and show what it will")
                .doesNotContain("each queue's\n");
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
