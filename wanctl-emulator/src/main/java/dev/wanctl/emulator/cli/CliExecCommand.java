package dev.wanctl.emulator.cli;

import dev.wanctl.emulator.faults.FaultState;
import dev.wanctl.emulator.model.RequestCounters;
import dev.wanctl.emulator.model.Transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * One SSH exec channel: counts the request, applies the SSH faults, runs the script through the
 * console interpreter on its own (virtual) thread and sends the output. The exit status is 0 even
 * after an error text, so clients must read the text, as routeros-api.md §5.1 advises.
 */
final class CliExecCommand implements Command {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CliExecCommand.class);

    /** Console width when the login name carries no {@code +<n>w} option. */
    static final int DEFAULT_WIDTH = 80;

    private final String script;
    private final CliInterpreter interpreter;
    private final FaultState faults;
    private final RequestCounters counters;
    private final ExecutorService executor;
    private OutputStream out;
    private ExitCallback exit;
    private Future<?> task;

    CliExecCommand(String script, CliInterpreter interpreter, FaultState faults, RequestCounters counters,
            ExecutorService executor) {
        this.script = script;
        this.interpreter = interpreter;
        this.faults = faults;
        this.counters = counters;
        this.executor = executor;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void setInputStream(InputStream in) {}

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {}

    @Override
    public void start(ChannelSession channel, Environment env) {
        task = executor.submit(() -> run(channel));
    }

    @Override
    public void destroy(ChannelSession channel) {
        if (task != null) {
            task.cancel(true);
        }
    }

    private void run(ChannelSession channel) {
        counters.increment(Transport.SSH, CliInterpreter.kindOf(script));
        faults.delay();
        if (faults.takeHang()) {
            faults.gate.await(-1);
            channel.getSession().close(true);
            return;
        }
        if (faults.takeDrop() || faults.rejectCredentials) {
            channel.getSession().close(true);
            return;
        }
        String output;
        if (faults.takeServerError() != 0) {
            output = "failure: internal error\r\n";
        } else {
            output = runSafely(channel);
        }
        java.util.function.UnaryOperator<String> rewrite = faults.outputRewrite();
        if (rewrite != null) {
            output = rewrite.apply(output);
        }
        try {
            out.write(output.getBytes(StandardCharsets.UTF_8));
            out.flush();
            exit.onExit(0);
        } catch (IOException e) {
            channel.getSession().close(true);
        }
    }

    /** A bug in the emulator shows as a {@code failure:} line naming it, so a test fails loudly. */
    private String runSafely(ChannelSession channel) {
        try {
            return interpreter.run(script, width(channel.getSession().getUsername()), Transport.SSH).output();
        } catch (RuntimeException bug) {
            LOG.error("emulator bug running {}", script, bug);
            return "failure: emulator bug: " + bug + "\r\n";
        }
    }

    /** The console width from RouterOS login options: {@code admin+ct200w} means 200 columns. */
    static int width(String login) {
        int plus = login == null ? -1 : login.indexOf('+');
        if (plus >= 0) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)w").matcher(login.substring(plus + 1));
            if (m.find()) {
                return Math.clamp(Integer.parseInt(m.group(1)), 40, 100_000);
            }
        }
        return DEFAULT_WIDTH;
    }

    /** The user name without RouterOS login options ({@code admin+ct} is user {@code admin}). */
    static String user(String login) {
        int plus = login.indexOf('+');
        return plus < 0 ? login : login.substring(0, plus);
    }
}
