package dev.wanctl.sim.testbed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-reply probing of the testbed's reflectors for a peer law that decides on every reply
 * (cake-autorate's): one fping in the client namespace pinging each reflector every
 * {@value #PER_REFLECTOR_MS} ms, each reply handed as it arrives to a {@link Replies} on one
 * reading thread. fping stops with the run's {@link ChildProcesses}.
 */
final class ReflectorPing {

    /** Each reflector's ping interval: three reflectors give a reply every 50 ms, as 6 at 300 ms do. */
    static final int PER_REFLECTOR_MS = 150;
    private static final Pattern REPLY = Pattern.compile("^(?:\\[\\d+\\.\\d+\\] )?(\\S+)\\s+: \\[\\d+\\], \\d+ bytes, ([0-9.]+) ms");

    /** What is done with each reply, on the reading thread. */
    interface Replies {
        void reply(int reflector, double rttMs);
    }

    private ReflectorPing() {}

    /** Starts fping to {@code hosts} and the thread that hands their replies to {@code replies}. */
    static void start(ChildProcesses children, String clientNs, List<String> hosts, Replies replies) throws IOException {
        List<String> argv = new ArrayList<>(List.of("fping", "-l", "-p", Integer.toString(PER_REFLECTOR_MS),
                "-t", "1000"));
        argv.addAll(hosts);
        Process p = children.start(clientNs, ProcessBuilder.Redirect.PIPE, argv.toArray(String[]::new));
        Thread.ofPlatform().daemon().name("reflector-ping").start(() -> read(p, hosts, replies));
    }

    private static void read(Process p, List<String> hosts, Replies replies) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = r.readLine()) != null) {
                int reflector = reflector(line, hosts);
                if (reflector >= 0) {
                    replies.reply(reflector, rttMs(line));
                }
            }
        } catch (IOException e) {
            // fping ended with the run
        }
    }

    /** Which of {@code hosts} an fping reply line is from; -1 for any other line (a timeout, a summary). */
    static int reflector(String line, List<String> hosts) {
        Matcher m = REPLY.matcher(line);
        return m.find() ? hosts.indexOf(m.group(1)) : -1;
    }

    /** The RTT of an fping reply line ({@link #reflector} said it is one), ms. */
    static double rttMs(String line) {
        Matcher m = REPLY.matcher(line);
        if (!m.find()) {
            throw new IllegalArgumentException("not an fping reply: " + line);
        }
        return Double.parseDouble(m.group(2));
    }
}
