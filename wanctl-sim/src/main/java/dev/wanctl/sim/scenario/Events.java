package dev.wanctl.sim.scenario;

import dev.wanctl.sim.link.Link;
import java.util.List;

/** Applies a scenario's events to the link and the router at their start and end milliseconds. */
final class Events {

    private final ScenarioEvent[] events;
    private final Link link;
    private final SimulatedRouter router;

    Events(List<ScenarioEvent> events, Link link, SimulatedRouter router) {
        this.events = events.toArray(new ScenarioEvent[0]);
        this.link = link;
        this.router = router;
    }

    void apply(long ms) {
        for (ScenarioEvent e : events) {
            if (ms == e.atMs()) {
                set(e, true);
            } else if (ms == e.endMs()) {
                set(e, false);
            }
        }
    }

    private void set(ScenarioEvent e, boolean on) {
        switch (e.kind()) {
            case REFLECTOR_DOWN -> {
                for (int i = 0; i < link.reflectors().count(); i++) {
                    if (e.reflector() < 0 || e.reflector() == i) {
                        link.reflectors().setDown(i, on);
                    }
                }
            }
            case ROUTER_OUTAGE -> router.setReachable(!on);
            case RTT_SHIFT -> link.path().setShiftMs(on ? e.shiftMs() : 0);
        }
    }
}
