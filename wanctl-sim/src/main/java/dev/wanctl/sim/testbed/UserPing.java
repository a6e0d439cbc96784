package dev.wanctl.sim.testbed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user's ping: fping every {@value #PERIOD_MS} ms to the server, through both bottlenecks,
 * as the latency a call would see. Each reply is kept with the run time its echo left
 * ({@code fping -D}'s receive time minus the RTT), so the scorer can give every millisecond the
 * delay a packet entering then saw.
 */
final class UserPing {

    static final int PERIOD_MS = 10;
    private static final Pattern REPLY = Pattern.compile("^\\[(\\d+\\.\\d+)\\] \\S+ : \\[\\d+\\], \\d+ bytes, ([0-9.]+) ms");

    private final long runStartEpochMicros;
    private double[] sentMs = new double[1 << 14];
    private double[] rttMs = new double[1 << 14];
    private int count;

    private UserPing(long runStartEpochMicros) {
        this.runStartEpochMicros = runStartEpochMicros;
    }

    /** Starts fping in the client namespace (this JVM's) and a thread that reads its replies. */
    static UserPing start(ChildProcesses children, String clientNs, String target, long runStartEpochMicros)
            throws IOException {
        UserPing ping = new UserPing(runStartEpochMicros);
        // real-time priority where the script asks for it: its send and receive stamps are the measure
        java.util.List<String> argv = new java.util.ArrayList<>();
        String rt = System.getenv("TESTBED_RT");
        if (rt != null && !rt.isBlank()) {
            argv.addAll(java.util.List.of(rt.strip().split("\\s+")));
        }
        argv.addAll(java.util.List.of("fping", "-D", "-l", "-p", Integer.toString(PERIOD_MS), "-t", "2000", target));
        Process p = children.start(clientNs, ProcessBuilder.Redirect.PIPE, argv.toArray(String[]::new));
        Thread.ofPlatform().daemon().name("user-ping").start(() -> ping.read(p));
        return ping;
    }

    private void read(Process p) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = r.readLine()) != null) {
                Matcher m = REPLY.matcher(line);
                if (m.find()) {
                    double receivedMs = (Double.parseDouble(m.group(1)) * 1e6 - runStartEpochMicros) / 1000.0;
                    double rtt = Double.parseDouble(m.group(2));
                    add(receivedMs - rtt, rtt);
                }
            }
        } catch (IOException e) {
            // fping ended with the run
        }
    }

    private synchronized void add(double sent, double rtt) {
        if (count == sentMs.length) {
            sentMs = Arrays.copyOf(sentMs, count * 2);
            rttMs = Arrays.copyOf(rttMs, count * 2);
        }
        sentMs[count] = sent;
        rttMs[count] = rtt;
        count++;
    }

    /** The replies so far, ordered by the time their echo left: {send ms, rtt ms}. */
    synchronized double[][] replies() {
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(sentMs[a], sentMs[b]));
        double[][] out = new double[2][count];
        for (int i = 0; i < count; i++) {
            out[0][i] = sentMs[order[i]];
            out[1][i] = rttMs[order[i]];
        }
        return out;
    }
}
