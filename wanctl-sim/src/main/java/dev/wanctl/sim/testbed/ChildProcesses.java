package dev.wanctl.sim.testbed;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The processes a testbed run starts in its namespaces ({@code ip netns exec NS timeout -s KILL
 * N cmd...}, so each is bounded in time even if this JVM dies), stopped by PID when the run ends.
 */
final class ChildProcesses implements AutoCloseable {

    private final List<Process> started = new ArrayList<>();
    private final long limitSeconds;

    /** @param limitSeconds no child outlives this many seconds */
    ChildProcesses(long limitSeconds) {
        this.limitSeconds = limitSeconds;
    }

    /** Starts {@code command} in namespace {@code ns}; its output goes where {@code out} says. */
    synchronized Process start(String ns, ProcessBuilder.Redirect out, String... command) throws IOException {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", ns, "timeout", "-s", "KILL",
                Long.toString(limitSeconds)));
        argv.addAll(List.of(command));
        Process p = new ProcessBuilder(argv).redirectOutput(out).redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        started.add(p);
        return p;
    }

    /** Stops one process (SIGTERM, then SIGKILL after a second) by its PID. */
    static void stop(Process p) {
        if (!p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(1, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        for (Process p : started) {
            p.destroy();
        }
        for (Process p : started) {
            stop(p);
        }
        started.clear();
    }
}
