package dev.wanctl.sim.testbed;

import dev.wanctl.sim.link.Direction;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The scenario's saturating traffic as real TCP: while a direction's schedule is greedy, one
 * iperf3 test of {@value #STREAMS} streams runs in it (download: the server sends, {@code -R};
 * upload: the client sends), with the scenario's congestion control named ({@code -C}): the host's
 * default (often bbr on a cloud machine) must not decide what the model is compared with. A pool of servers on the server namespace takes one test each in
 * turn, so a server whose test was just stopped has time to listen again.
 */
final class IperfFlows {

    static final int STREAMS = 4;
    private static final int FIRST_PORT = 5201;
    private static final int SERVERS = 8;

    private final ChildProcesses children;
    private final String clientNs;
    private final String congestion;
    private final Process firstServer;
    private final Map<Direction, Process> clients = new EnumMap<>(Direction.class);
    private int nextPort;

    /** @param congestion the congestion control every stream runs, its Linux name (cubic, bbr) */
    IperfFlows(ChildProcesses children, String clientNs, String congestion) throws IOException {
        this.children = children;
        this.clientNs = clientNs;
        this.congestion = congestion;
        Process first = null;
        for (int i = 0; i < SERVERS; i++) {
            Process p = children.start(Topology.SERVER_NS, ProcessBuilder.Redirect.DISCARD, "iperf3", "-s", "-p",
                    Integer.toString(FIRST_PORT + i));
            first = first == null ? p : first;
        }
        this.firstServer = first;
    }

    /** A process in the server namespace, whose {@code /proc/PID/net/dev} shows that namespace's counters. */
    long serverPid() {
        return firstServer.pid();
    }

    /** Starts saturating TCP in {@code d} for at most {@code seconds}. */
    void on(Direction d, long seconds) throws IOException {
        off(d);
        int port = FIRST_PORT + (nextPort++ % SERVERS);
        String[] argv = d == Direction.DOWNLOAD
                ? new String[] {"iperf3", "-c", Topology.SERVER, "-p", Integer.toString(port), "-t",
                    Long.toString(Math.max(1, seconds)), "-P", Integer.toString(STREAMS), "-C", congestion, "-R"}
                : new String[] {"iperf3", "-c", Topology.SERVER, "-p", Integer.toString(port), "-t",
                    Long.toString(Math.max(1, seconds)), "-P", Integer.toString(STREAMS), "-C", congestion};
        clients.put(d, children.start(clientNs, ProcessBuilder.Redirect.DISCARD, argv));
    }

    /** Stops the direction's test, if one runs. */
    void off(Direction d) {
        Process p = clients.remove(d);
        if (p != null) {
            ChildProcesses.stop(p);
        }
    }
}
