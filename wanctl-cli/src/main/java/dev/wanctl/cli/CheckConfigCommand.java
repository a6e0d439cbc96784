package dev.wanctl.cli;

import dev.wanctl.core.config.ConfigLoader;
import dev.wanctl.core.config.ConfigProblem;
import dev.wanctl.core.config.ConfigSummary;
import dev.wanctl.core.config.Loaded;
import dev.wanctl.core.daemon.ExitStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wanctl check-config FILE...}: says for each file whether it is valid and what it means. */
@Command(name = "check-config", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = {
    "Validate autorate and steering configs and summarise what each will do.",
    "Over several files (the configs of one host) it also reports two daemons that would listen on the same"
            + " port, naming both files and lines.",
    "Exit 0 when all are valid, 78 otherwise."})
final class CheckConfigCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Config files (autorate or steering).")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean allValid = true;
        List<PortClashes.Listener> listeners = new ArrayList<>();
        for (Path file : files) {
            allValid &= check(file, out, listeners);
        }
        List<String> clashes = PortClashes.find(listeners);
        for (String clash : clashes) {
            out.println("error: " + clash);
        }
        out.flush();
        return allValid && clashes.isEmpty() ? ExitStatus.OK : ExitStatus.CONFIG;
    }

    private static boolean check(Path file, PrintWriter out, List<PortClashes.Listener> listeners) {
        Optional<String> text = ConfigLoader.read(file);
        ConfigLoader.Kind kind = text.flatMap(ConfigLoader::detectKind).orElse(ConfigLoader.Kind.AUTORATE);
        ConfigLoader.Options options = ConfigLoader.Options.check();
        Loaded<?> loaded = kind == ConfigLoader.Kind.STEERING
                ? ConfigLoader.loadSteering(file, options) : ConfigLoader.loadAutorate(file, options);
        String what = kind == ConfigLoader.Kind.STEERING ? "steering" : "autorate";
        if (loaded.ok()) {
            listeners.addAll(PortClashes.listeners(file, text.orElse(""), loaded.config()));
            out.println(file + ": valid " + what + " config");
            List<String> lines = loaded.config() instanceof dev.wanctl.core.config.SteeringConfig s
                    ? ConfigSummary.describe(s)
                    : ConfigSummary.describe((dev.wanctl.core.config.AutorateConfig) loaded.config());
            lines.forEach(l -> out.println("  " + l));
        } else {
            out.println(file + ": INVALID " + what + " config, " + loaded.errors().size()
                    + (loaded.errors().size() == 1 ? " error" : " errors"));
            for (ConfigProblem p : loaded.errors()) {
                out.println("  error: " + p);
            }
        }
        for (ConfigProblem p : loaded.warnings()) {
            out.println("  warning: " + p);
        }
        return loaded.ok();
    }
}
