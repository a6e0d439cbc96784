package dev.wanctl.sim.testbed;

import dev.wanctl.sim.link.Direction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The router's kernel shapers' counters, both directions in one round trip to one long-running
 * {@code tc -s -j -batch -} in the router's namespace (a line in and a line of JSON out per
 * device, no process per read). It reads the root htb qdisc of each shaper device: its counters
 * are those of its one class, 1:10 (iproute2 6.1 prints qdiscs, not htb classes, as JSON), in
 * L2 bytes as the shaper counts them: sent when dequeued, drops at the full leaf, backlog now.
 */
final class KernelShaperStats implements KernelCounterFeed.Source {

    private static final Pattern FIELD = Pattern.compile("\"(bytes|packets|drops|backlog|qlen)\":(\\d+)");

    private final Writer in;
    private final BufferedReader out;

    KernelShaperStats(ChildProcesses children) throws IOException {
        Process p = children.start(Topology.ROUTER_NS, ProcessBuilder.Redirect.PIPE, "tc", "-s", "-j", "-batch", "-");
        this.in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.US_ASCII);
        this.out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
    }

    @Override
    public synchronized KernelCounterFeed.Totals[] read() throws IOException {
        in.write("qdisc show dev " + Topology.shaperDev(Direction.DOWNLOAD) + "\nqdisc show dev "
                + Topology.shaperDev(Direction.UPLOAD) + "\n");
        in.flush();
        return new KernelCounterFeed.Totals[] {parse(line()), parse(line())};
    }

    private String line() throws IOException {
        String l = out.readLine();
        if (l == null) {
            throw new IOException("tc in the router's namespace stopped answering");
        }
        return l;
    }

    /**
     * The root htb qdisc's counters in one line of {@code tc -s -j qdisc show}; a clear
     * IOException when the line has none (another qdisc, an error, a tc without JSON).
     */
    static KernelCounterFeed.Totals parse(String json) throws IOException {
        int at = json.indexOf("{\"kind\":\"htb\"");
        if (at < 0) {
            throw new IOException("no htb shaper in tc's reply: " + shorten(json));
        }
        int end = json.indexOf("{\"kind\":", at + 1);
        String htb = json.substring(at, end < 0 ? json.length() : end);
        if (!htb.contains("\"root\":true")) {
            throw new IOException("the htb shaper in tc's reply is not the device's root qdisc: " + shorten(json));
        }
        long bytes = -1;
        long packets = -1;
        long drops = -1;
        long backlog = -1;
        long qlen = -1;
        Matcher m = FIELD.matcher(htb);
        while (m.find()) {
            long v = Long.parseLong(m.group(2));
            switch (m.group(1)) {
                case "bytes" -> bytes = v;
                case "packets" -> packets = v;
                case "drops" -> drops = v;
                case "backlog" -> backlog = v;
                default -> qlen = v;
            }
        }
        if (bytes < 0 || packets < 0 || drops < 0 || backlog < 0 || qlen < 0) {
            throw new IOException("tc's reply lacks the shaper's statistics (was -s given?): " + shorten(json));
        }
        return new KernelCounterFeed.Totals(bytes, packets, drops, backlog, qlen);
    }

    private static String shorten(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
