package dev.wanctl.sim.scenario;

import java.util.Locale;

/**
 * Something that happens to the world during a scenario, from {@code atMs} for {@code forMs}:
 * a reflector stops answering ({@code reflector} is its index, or -1 for all of them), the
 * router stops accepting writes (its shaper keeps the last rates), or the path's base RTT
 * shifts by {@code shiftMs} (a route change).
 */
public record ScenarioEvent(Kind kind, long atMs, long forMs, int reflector, double shiftMs) {

    /** The kinds of event. */
    public enum Kind {
        REFLECTOR_DOWN, ROUTER_OUTAGE, RTT_SHIFT;

        /** The name used in scenario files: {@code reflector-down}, {@code router-outage}, {@code rtt-shift}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public ScenarioEvent {
        if (atMs < 0 || forMs <= 0) {
            throw new IllegalArgumentException(kind.key() + ": 'at' must be >= 0 and 'for' > 0");
        }
    }

    long endMs() {
        return atMs + forMs;
    }
}
