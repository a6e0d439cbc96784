package dev.wanctl.sim.scenario;

import dev.wanctl.sim.link.Direction;

/**
 * The simulator's own router: two queue max-limits (0 = no shaping) that baselines set directly,
 * and an outage switch. Starts with both queues at the scenario's ceilings, as a configured
 * router would be.
 */
public final class SimRouter implements SimulatedRouter {

    // Written by a controller (possibly a writer thread of a real daemon), read by the link every ms.
    private volatile long downloadBps;
    private volatile long uploadBps;
    private volatile boolean reachable = true;
    private long failedWrites;

    /** A router whose queues start at the given max-limits. */
    public SimRouter(long downloadBps, long uploadBps) {
        this.downloadBps = downloadBps;
        this.uploadBps = uploadBps;
    }

    /**
     * Sets both max-limits (bit/s, 0 = unshaped), as one RouterOS write of a queue pair.
     *
     * @return false (and nothing changes) while the router is unreachable
     */
    public synchronized boolean setMaxLimits(long dlBps, long ulBps) {
        if (dlBps < 0 || ulBps < 0) {
            throw new IllegalArgumentException("max-limit must be >= 0, got " + dlBps + " / " + ulBps);
        }
        if (!reachable) {
            failedWrites++;
            return false;
        }
        downloadBps = dlBps;
        uploadBps = ulBps;
        return true;
    }

    /**
     * Sets one queue's max-limit (a RouterOS write of one queue).
     *
     * @return false (and nothing changes) while the router is unreachable
     */
    public synchronized boolean setMaxLimit(Direction direction, long bps) {
        return direction == Direction.DOWNLOAD ? setMaxLimits(bps, uploadBps) : setMaxLimits(downloadBps, bps);
    }

    @Override
    public long maxLimitBps(Direction direction) {
        return direction == Direction.DOWNLOAD ? downloadBps : uploadBps;
    }

    @Override
    public void setReachable(boolean reachable) {
        this.reachable = reachable;
    }

    /** Whether writes are accepted now. */
    public boolean reachable() {
        return reachable;
    }

    /** Writes refused during outages. */
    public synchronized long failedWrites() {
        return failedWrites;
    }
}
