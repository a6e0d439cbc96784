package dev.wanctl.sim.demo;

import dev.wanctl.autorate.AutorateCycle;
import dev.wanctl.autorate.AutorateDaemon;
import dev.wanctl.autorate.CycleView;
import dev.wanctl.sim.link.Direction;
import dev.wanctl.sim.link.Link;
import dev.wanctl.sim.link.LinkDirection;
import dev.wanctl.sim.scenario.SimulatedRouter;
import dev.wanctl.steering.SteeringDaemon;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's line per second: per direction the true capacity, the router's shaper (max-limit) and
 * the delay a user's packet sees; the autorate zones; the steering state.
 */
final class StatusLine {

    private final PrintWriter out;
    private final Link link;
    private final SimulatedRouter router;
    private final Object lock;
    private final AutorateDaemon autorate;
    private final SteeringDaemon steering;

    StatusLine(PrintWriter out, Link link, SimulatedRouter router, Object lock, AutorateDaemon autorate,
            SteeringDaemon steering) {
        this.out = out;
        this.link = link;
        this.router = router;
        this.lock = lock;
        this.autorate = autorate;
        this.steering = steering;
    }

    void print(long second) {
        AutorateCycle c = autorate.currentCycle();
        if (c == null) {
            return;
        }
        CycleView v = c.view();
        String dl;
        String ul;
        synchronized (lock) {
            dl = direction(Direction.DOWNLOAD);
            ul = direction(Direction.UPLOAD);
        }
        out.printf(Locale.ROOT, "%4d s  DL %s  UL %s  | %s/%s delta %5.1f ms  writes %d  | steering %s%n", second,
                dl, ul, v.downloadZone(), v.uploadZone(), v.deltaMs(), c.writer().snapshot().writes(),
                steeringState(steering));
        out.flush();
    }

    private String direction(Direction d) {
        LinkDirection l = link.direction(d);
        long shaperBps = router.maxLimitBps(d);
        return String.format(Locale.ROOT, "capacity %4.0fM shaper %4.0fM delay %4.0f ms", l.capacityBps() / 1e6,
                shaperBps / 1e6, l.addedLatencyMs());
    }

    /** The steering state name (e.g. {@code SPECTRUM_GOOD}), or {@code starting}. */
    static String steeringState(SteeringDaemon steering) {
        try {
            Object body = steering.health().body();
            if (body instanceof Map<?, ?> m) {
                return String.valueOf(m.get("state"));
            }
        } catch (RuntimeException e) {
            // not started yet
        }
        return "starting";
    }
}
