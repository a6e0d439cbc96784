package dev.wanctl.routeros.linuxtc;

import dev.wanctl.routeros.QueueInfo;
import dev.wanctl.routeros.QueueStats;
import dev.wanctl.routeros.RouterException.Kind;
import dev.wanctl.routeros.RouterException;
import dev.wanctl.routeros.Shaper;
import dev.wanctl.routeros.SystemInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The Linux router in autorate's role ({@link Shaper}), for a host that runs CAKE itself: a
 * "queue" is a network device (an ifb for download, the WAN for upload) and its max-limit the
 * root CAKE qdisc's bandwidth. It plays no steering role (steering's mangle rule is RouterOS's).
 */
public final class LinuxTcRouterClient implements Shaper {

    private final LinuxTcShaper shaper;

    /** A client whose every kernel exchange is bounded by {@code timeout}. */
    public LinuxTcRouterClient(Duration timeout) {
        this.shaper = new LinuxTcShaper(timeout);
    }

    @Override
    public QueueInfo readQueue(String device) throws RouterException {
        RootQdisc q = shaper.shaper(device);
        return new QueueInfo(q.handleText(), device, "root", q.kind(), q.rateBytesPerSecond() * 8, false);
    }

    @Override
    public void setMaxLimit(String device, long maxLimitBps) throws RouterException {
        if (maxLimitBps < 0) {
            throw new IllegalArgumentException("max-limit must not be negative: " + maxLimitBps);
        }
        shaper.setRateBps(device, maxLimitBps);
    }

    /** Bytes, packets and drops since the qdisc was created; backlog now; no rate (derive it from bytes). */
    @Override
    public QueueStats readQueueStats(String device) throws RouterException {
        RootQdisc q = shaper.read(device);
        return new QueueStats(device, q.bytes(), q.packets(), q.drops(), q.backlogBytes(), q.backlogPackets(), 0);
    }

    /** The kernel release, the host name, the 1-minute load as a percentage of one CPU per core, uptime. */
    @Override
    public SystemInfo readSystem() throws RouterException {
        try {
            String release = Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip();
            String host = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            double load = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            double up = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
            int cpus = Runtime.getRuntime().availableProcessors();
            int percent = (int) Math.min(100, Math.round(100 * load / Math.max(1, cpus)));
            return new SystemInfo("Linux " + release, host, percent, Duration.ofMillis((long) (up * 1000)));
        } catch (IOException | RuntimeException e) {
            throw new RouterException(Kind.PROTOCOL, "cannot read this host's /proc: " + e.getMessage(), e);
        }
    }

    @Override
    public String transport() {
        return "linux-tc";
    }

    @Override
    public void close() {
        shaper.close();
    }
}
