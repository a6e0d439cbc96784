package dev.wanctl.emulator.transports;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/** Finds threads still busy in a router client (ours or sshj's), to show that a failed call left none behind. */
final class ClientThreads {

    private ClientThreads() {}

    /** Names of threads other than the caller with a frame in a client package. */
    static List<String> busyInClients() {
        List<String> busy = new ArrayList<>();
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            if (e.getKey() == Thread.currentThread() || !e.getKey().isAlive()) {
                continue;
            }
            for (StackTraceElement frame : e.getValue()) {
                String c = frame.getClassName();
                if (c.startsWith("dev.wanctl.routeros.") || c.startsWith("net.schmizz.sshj.")) {
                    busy.add(e.getKey().getName() + " in " + c + "." + frame.getMethodName());
                    break;
                }
            }
        }
        return busy;
    }

    /** Waits up to {@code limit} for {@link #busyInClients()} to be empty and returns what is left. */
    static List<String> awaitNoneBusy(Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        List<String> busy = busyInClients();
        while (!busy.isEmpty() && System.nanoTime() < end) {
            LockSupport.parkNanos(10_000_000L);
            busy = busyInClients();
        }
        return busy;
    }
}
