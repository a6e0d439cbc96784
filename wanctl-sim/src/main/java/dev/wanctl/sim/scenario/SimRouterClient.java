package dev.wanctl.sim.scenario;

import dev.wanctl.routeros.QueueInfo;
import dev.wanctl.routeros.QueueStats;
import dev.wanctl.routeros.RouterClient;
import dev.wanctl.routeros.RouterException;
import dev.wanctl.routeros.SystemInfo;
import dev.wanctl.sim.link.Direction;
import dev.wanctl.sim.link.Link;
import dev.wanctl.sim.link.LinkDirection;
import dev.wanctl.sim.link.MahimahiTrace;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulator's router as a {@link RouterClient}, so a real daemon can run on the simulated link
 * without any network: {@code setMaxLimit} on the download or upload queue's name sets the
 * {@link SimRouter}'s shaper, queue statistics come from the link's shaper (bytes, drops and
 * backlog, packets counted as 1500 bytes), mangle rules are remembered by comment. While a
 * scenario's router outage lasts every call fails as {@link RouterException.Kind#UNREACHABLE}.
 */
public final class SimRouterClient implements RouterClient {

    private final SimRouter router;
    private final Link link;
    private final String downloadQueue;
    private final String uploadQueue;
    private final Map<String, Boolean> rules = new ConcurrentHashMap<>();

    /**
     * @param downloadQueue the queue-tree name the daemon's config uses for download
     * @param rules mangle rules that exist, by comment, with whether each is enabled
     */
    public SimRouterClient(SimRouter router, Link link, String downloadQueue, String uploadQueue,
                           Map<String, Boolean> rules) {
        this.router = router;
        this.link = link;
        this.downloadQueue = downloadQueue;
        this.uploadQueue = uploadQueue;
        this.rules.putAll(rules);
    }

    private Direction direction(String name) throws RouterException {
        reachable();
        return queue(name);
    }

    private Direction queue(String name) throws RouterException {
        if (name.equals(downloadQueue)) {
            return Direction.DOWNLOAD;
        } else if (name.equals(uploadQueue)) {
            return Direction.UPLOAD;
        }
        throw new RouterException(RouterException.Kind.NOT_FOUND,
                "no queue named '" + name + "' (the simulated router has '" + downloadQueue + "' and '" + uploadQueue + "')");
    }

    private void reachable() throws RouterException {
        if (!router.reachable()) {
            throw new RouterException(RouterException.Kind.UNREACHABLE, "simulated router outage");
        }
    }

    @Override
    public QueueInfo readQueue(String name) throws RouterException {
        Direction d = direction(name);
        String id = d == Direction.DOWNLOAD ? "*1000001" : "*1000002";
        String type = d == Direction.DOWNLOAD ? "cake-down" : "cake-up";
        return new QueueInfo(id, name, "global", type, router.maxLimitBps(d), false);
    }

    @Override
    public void setMaxLimit(String name, long maxLimitBps) throws RouterException {
        if (maxLimitBps < 0) {
            throw new RouterException(RouterException.Kind.ROUTER_ERROR, "max-limit must be >= 0, got " + maxLimitBps);
        }
        if (!router.setMaxLimit(queue(name), maxLimitBps)) {
            throw new RouterException(RouterException.Kind.UNREACHABLE, "simulated router outage");
        }
    }

    @Override
    public QueueStats readQueueStats(String name) throws RouterException {
        LinkDirection d = link.direction(direction(name));
        long packet = MahimahiTrace.PACKET_BYTES;
        long bytes = (long) d.shaperSentTotalBytes();
        long queued = (long) d.shaperQueueBytes();
        return new QueueStats(name, bytes, bytes / packet, (long) d.shaperDroppedTotalBytes() / packet,
                queued, (queued + packet - 1) / packet, Math.round(d.shaperSentBytes() * 8000.0));
    }

    @Override
    public boolean ruleEnabled(String comment) throws RouterException {
        reachable();
        Boolean on = rules.get(comment);
        if (on == null) {
            throw new RouterException(RouterException.Kind.NOT_FOUND, "no mangle rule with comment '" + comment + "'");
        }
        return on;
    }

    @Override
    public void setRuleEnabled(String comment, boolean enabled) throws RouterException {
        ruleEnabled(comment);
        rules.put(comment, enabled);
    }

    @Override
    public SystemInfo readSystem() throws RouterException {
        reachable();
        return new SystemInfo("7.16.2 (stable)", "wanctl-sim", 0, Duration.ZERO);
    }

    @Override
    public String transport() {
        return "sim";
    }

    @Override
    public void close() {
        // nothing to release
    }
}
