package dev.wanctl.sim.scenario;

import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.emulator.model.FixtureLoader;
import dev.wanctl.emulator.RouterEmulator;
import dev.wanctl.emulator.model.Transport;
import dev.wanctl.sim.link.Direction;
import java.util.Locale;

/**
 * The RouterOS emulator, in-process on the simulation's clock, as the router the simulated link
 * sits behind: the real daemon writes its queues through the emulator's {@code RouterClient}, the
 * link shapes at the max-limits the emulator's queue tree holds, and a scenario's router outage
 * takes the emulator down. Its fixture has the config's queues at the config's ceilings. Public
 * for {@code wanctl demo}, where the daemons write to a running emulator over REST.
 */
public final class EmulatorRouter implements SimulatedRouter {

    private final RouterEmulator emulator;
    private final String downloadQueue;
    private final String uploadQueue;
    // read by the link every millisecond; refreshed after each controller cycle (the only writer)
    private long downloadBps;
    private long uploadBps;

    /** Shapes at the max-limits of the two named queues of {@code emulator}. */
    public EmulatorRouter(RouterEmulator emulator, String downloadQueue, String uploadQueue) {
        this.emulator = emulator;
        this.downloadQueue = downloadQueue;
        this.uploadQueue = uploadQueue;
        refresh();
    }

    /** An emulator whose fixture has the config's two queues at their ceilings. */
    public static RouterEmulator emulatorFor(AutorateConfig c, dev.wanctl.core.runtime.Clock clock) {
        return emulatorFor(c, clock, null);
    }

    /**
     * An emulator whose fixture has the config's two queues at their ceilings and, unless
     * {@code steeringRule} is null, a disabled mangle rule with that comment (what steering toggles).
     */
    static RouterEmulator emulatorFor(AutorateConfig c, dev.wanctl.core.runtime.Clock clock, String steeringRule) {
        String yaml = """
                system: {identity: wanctl-sim, version: 7.16.2 (stable), board-name: RB5009UG+S+, cpu-load: 2}
                users: [{name: wanctl, password: wanctl-sim, group: full}]
                interfaces: [ether1, bridge]
                routing-tables: [main]
                queue-types:
                  - {name: cake-down-sim, kind: cake}
                  - {name: cake-up-sim, kind: cake}
                queue-tree:
                  - {name: "%s", parent: global, queue: cake-down-sim, max-limit: "%d"}
                  - {name: "%s", parent: global, queue: cake-up-sim, max-limit: "%d"}
                """.formatted(c.queues().download(), c.control().download().ceilingBps(), c.queues().upload(),
                c.control().upload().ceilingBps());
        if (steeringRule != null) {
            yaml += """
                    mangle:
                      - {chain: prerouting, action: mark-connection, new-connection-mark: steered, passthrough: "yes",
                         comment: "%s", disabled: "yes"}
                    """.formatted(steeringRule.replace("\"", "\\\""));
        }
        return RouterEmulator.builder().clock(clock).fixture(FixtureLoader.parse(yaml, "simulated router")).build();
    }

    /** Reads the max-limits the emulator now has (after a cycle that may have written them). */
    public void refresh() {
        downloadBps = emulator.state().maxLimitBps(downloadQueue);
        uploadBps = emulator.state().maxLimitBps(uploadQueue);
    }

    @Override
    public long maxLimitBps(Direction direction) {
        return direction == Direction.DOWNLOAD ? downloadBps : uploadBps;
    }

    @Override
    public void setReachable(boolean reachable) {
        if (reachable) {
            emulator.faults().on(Transport.IN_PROCESS).up();
        } else {
            emulator.faults().on(Transport.IN_PROCESS).down();
        }
    }

    /** Every transport, once: the runner asks for the request count every simulated millisecond. */
    private static final Transport[] TRANSPORTS = Transport.values();

    /** Requests the emulator has received so far, every transport (reads and writes). */
    long requests() {
        long n = 0;
        for (Transport t : TRANSPORTS) {
            n += emulator.requests().total(t);
        }
        return n;
    }

    RouterEmulator emulator() {
        return emulator;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "emulator %s=%d %s=%d", downloadQueue, downloadBps, uploadQueue, uploadBps);
    }
}
