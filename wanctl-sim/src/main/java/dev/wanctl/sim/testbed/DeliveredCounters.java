package dev.wanctl.sim.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Bytes delivered per direction, read where they arrive: the download at the client's interface
 * (after the ISP's buffer and the router's shaper), the upload at the server's (after both too).
 * {@code /proc/PID/net/dev} shows the counters of the namespace PID lives in, so one file read
 * per direction serves without a process per sample. L2 bytes, as tc's rates count them.
 */
final class DeliveredCounters {

    private final Path clientFile = Path.of("/proc/self/net/dev");
    private final Path serverFile;

    DeliveredCounters(long serverPid) {
        this.serverFile = Path.of("/proc", Long.toString(serverPid), "net", "dev");
    }

    long downloadBytes() throws IOException {
        return rxBytes(clientFile, Topology.CLIENT_DEV);
    }

    long uploadBytes() throws IOException {
        return rxBytes(serverFile, Topology.SERVER_DEV);
    }

    static long rxBytes(Path file, String dev) throws IOException {
        for (String line : Files.readAllLines(file)) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equals(dev)) {
                return Long.parseLong(line.substring(colon + 1).strip().split("\\s+")[0]);
            }
        }
        throw new IOException(file + " has no interface " + dev + ": is the testbed set up (scripts/testbed.sh)?");
    }
}
