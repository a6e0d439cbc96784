package dev.wanctl.sim.testbed;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * One long-running {@code tc -force -batch -} in a namespace: a qdisc change costs a line on its
 * standard input instead of a process start, so the shaper can follow the controller within
 * milliseconds. Errors are printed by tc and do not end it ({@code -force}).
 */
final class TcBatch {

    private final Writer in;

    TcBatch(ChildProcesses children, String ns) throws IOException {
        Process p = children.start(ns, ProcessBuilder.Redirect.DISCARD, "tc", "-force", "-batch", "-");
        this.in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.US_ASCII);
    }

    /** Runs one tc command (without the leading {@code tc}). */
    synchronized void run(String command) {
        try {
            in.write(command);
            in.write('\n');
            in.flush();
        } catch (IOException e) {
            throw new IllegalStateException("tc in the testbed stopped: " + e.getMessage(), e);
        }
    }
}
