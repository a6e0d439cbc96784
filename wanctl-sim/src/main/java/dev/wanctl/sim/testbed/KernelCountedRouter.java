package dev.wanctl.sim.testbed;

import dev.wanctl.routeros.QueueInfo;
import dev.wanctl.routeros.QueueStats;
import dev.wanctl.routeros.RouterException;
import dev.wanctl.routeros.Shaper;
import dev.wanctl.routeros.SystemInfo;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * The daemon's router on the testbed: the RouterOS emulator, whose queue counters are brought up
 * to what the kernel shaped just before each statistics read ({@link KernelCounterFeed}). A failed
 * kernel read is a router error to the daemon and is reported to the run, which stops with it.
 */
final class KernelCountedRouter implements Shaper {

    private final Shaper emulated;
    private final KernelCounterFeed feed;
    private final Consumer<Exception> failed;

    KernelCountedRouter(Shaper emulated, KernelCounterFeed feed, Consumer<Exception> failed) {
        this.emulated = emulated;
        this.feed = feed;
        this.failed = failed;
    }

    @Override
    public QueueStats readQueueStats(String name) throws RouterException {
        sync();
        return emulated.readQueueStats(name);
    }

    @Override
    public QueueStats[] readQueueStats(String first, String second) throws RouterException {
        sync();
        return emulated.readQueueStats(first, second);
    }

    private void sync() throws RouterException {
        try {
            feed.sync();
        } catch (IOException | RuntimeException e) {
            failed.accept(e);
            throw new RouterException(RouterException.Kind.ROUTER_ERROR,
                    "the testbed could not read its kernel shaper's counters: " + e.getMessage(), e);
        }
    }

    @Override
    public QueueInfo readQueue(String name) throws RouterException {
        return emulated.readQueue(name);
    }

    @Override
    public void setMaxLimit(String name, long maxLimitBps) throws RouterException {
        emulated.setMaxLimit(name, maxLimitBps);
    }

    @Override
    public SystemInfo readSystem() throws RouterException {
        return emulated.readSystem();
    }

    @Override
    public String transport() {
        return emulated.transport();
    }

    @Override
    public void close() {
        emulated.close();
    }
}
