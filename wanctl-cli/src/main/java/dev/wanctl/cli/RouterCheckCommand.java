package dev.wanctl.cli;

import dev.wanctl.core.config.ConfigLoader;
import dev.wanctl.core.config.ConfigProblem;
import dev.wanctl.core.config.Loaded;
import dev.wanctl.routeros.RouterCheck;
import dev.wanctl.routeros.RouterCheckResult;
import dev.wanctl.routeros.RouterCheckTarget;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code wanctl router check --config F}: reach the router as the daemon would and show what it will touch. */
@Command(name = "check", description = {
    "Connect to the router of a config, show RouterOS version, board and CPU load, each queue's",
    "max-limit and counters, the steering rule's state, and the latency of one call. Reads only.",
    "Exit 0 when everything named exists, 1 when unreachable or something is missing,",
    "77 when the router rejects the credentials (or fails the TLS / host key check), 78 for an invalid config."})
final class RouterCheckCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Autorate or steering config.")
    Path config;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Option(names = "--calls", paramLabel = "N", defaultValue = "20",
            description = "Calls to time for the latency figures (0 to 1000, default ${DEFAULT-VALUE}).")
    int calls;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (calls < 0 || calls > 1000) {
            throw new ParameterException(spec.commandLine(), "--calls must be 0 to 1000, got " + calls);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Loaded<RouterCheckTarget> target = RouterCheckTarget.load(config, ConfigLoader.Options.daemon());
        target.warnings().forEach(w -> err.println(config + ": warning: " + w));
        RouterCheckResult result = target.ok()
                ? RouterCheck.standard().run(target.config().router(), target.config().queues(),
                        target.config().ruleComment(), calls)
                : RouterCheckResult.invalidConfig(config.toString(),
                        target.errors().stream().map(ConfigProblem::toString).toList());
        out.print(json ? result.toJson() + "\n" : result.toText());
        out.flush();
        err.flush();
        return result.exitCode();
    }
}
