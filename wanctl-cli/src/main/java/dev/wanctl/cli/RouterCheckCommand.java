package dev.wanctl.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.ConsoleAppender;
import dev.wanctl.core.config.ConfigLoader;
import dev.wanctl.core.config.ConfigProblem;
import dev.wanctl.core.config.Loaded;
import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.routeros.RouterCheck;
import dev.wanctl.routeros.RouterCheckResult;
import dev.wanctl.routeros.RouterCheckTarget;
import dev.wanctl.routeros.backends.RouterBackends;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Spec;

/** {@code wanctl router check --config F}: reach the router as the daemon would and show what it will touch. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = {
    "Reach the router of a config as the daemon would and show what it will touch (reads only).",
    "",
    "Shows RouterOS version, board and CPU load, each queue's max-limit and counters, the steering rule's"
        + " state, and the latency of one call.",
    "With transport failover, REST and SSH are checked one after the other (JSON: one object per line).",
    "Exit 0 when everything named exists, 1 when unreachable or something is missing, 77 when the router"
        + " rejects the credentials (or fails the TLS / host key check), 78 for an invalid config."})
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
        logsToStderr();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Loaded<RouterCheckTarget> target = RouterCheckTarget.load(config, ConfigLoader.Options.daemon());
        target.warnings().forEach(w -> err.println(config + ": warning: " + w));
        if (!target.ok()) {
            RouterCheckResult invalid = RouterCheckResult.invalidConfig(config.toString(),
                    target.errors().stream().map(ConfigProblem::toString).toList());
            out.print(json ? invalid.toJson() + "\n" : invalid.toText());
            out.flush();
            return invalid.exitCode();
        }
        int exit = RouterCheckResult.OK;
        for (RouterConfig router : RouterCheck.perTransport(target.config().router())) {
            RouterCheckResult result = RouterBackends.check().run(router, target.config().queues(),
                    target.config().ruleComment(), calls);
            out.print(json ? result.toJson() + "\n" : result.toText());
            exit = RouterCheckResult.worse(exit, result.exitCode());
        }
        out.flush();
        err.flush();
        return exit;
    }

    /**
     * The report (text or JSON) is this command's stdout, so log lines go to stderr, and the SSH
     * library, which logs every key exchange step, only its warnings.
     */
    private static void logsToStderr() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return;
        }
        ctx.getLogger("net.schmizz").setLevel(Level.WARN);
        ctx.getLogger("com.hierynomus").setLevel(Level.WARN);
        ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders().forEachRemaining(a -> {
            if (a instanceof ConsoleAppender<?> console && !"System.err".equals(console.getTarget())) {
                console.stop();
                console.setTarget("System.err");
                console.start();
            }
        });
    }
}
