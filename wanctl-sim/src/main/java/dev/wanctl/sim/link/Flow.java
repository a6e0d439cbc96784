package dev.wanctl.sim.link;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * One entry of a traffic schedule: what kind of traffic runs in which directions from
 * {@code atMs} for {@code forMs}.
 *
 * <ul>
 *   <li>{@code IDLE}: a trickle at {@code rateMbps} (default 0.1): DNS, keep-alives, a chat app.</li>
 *   <li>{@code BULK}: saturating flows all the time (downloads, uploads, a speed test).</li>
 *   <li>{@code BURST}: saturating for {@code onMs}, then quiet for {@code offMs}, repeating.</li>
 *   <li>{@code WEB}: saturating page loads and quiet reading, both of exponentially distributed
 *       length with means {@code onMs} and {@code offMs} (seeded).</li>
 *   <li>{@code RATE}: a rate-limited flow at {@code rateMbps} (video, a game's updates).</li>
 * </ul>
 * Overlapping entries add up: greedy when any greedy flow is on, plus the sum of the fixed rates.
 * A saturating entry runs {@code flows} TCP flows per direction (default
 * {@value SenderSetup#DEFAULT_FLOWS}), each starting afresh in slow start at every on-period.
 */
public record Flow(Kind kind, long atMs, long forMs, Set<Direction> directions, double rateMbps, long onMs, long offMs,
                   int flows) {

    /** The kinds of traffic. */
    public enum Kind {
        IDLE, BULK, BURST, WEB, RATE;

        /** The lower-case name used in scenario files. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Flow {
        if (atMs < 0 || forMs <= 0) {
            throw new IllegalArgumentException(kind.key() + " traffic: 'at' must be >= 0 and 'for' > 0");
        }
        if (directions.isEmpty()) {
            throw new IllegalArgumentException(kind.key() + " traffic: needs a direction (down, up or both)");
        }
        if ((kind == Kind.IDLE || kind == Kind.RATE) && !(rateMbps > 0)) {
            throw new IllegalArgumentException(kind.key() + " traffic: rate_mbps must be > 0, got " + rateMbps);
        }
        if ((kind == Kind.BURST || kind == Kind.WEB) && (onMs <= 0 || offMs <= 0)) {
            throw new IllegalArgumentException(kind.key() + " traffic: 'on' and 'off' must be > 0");
        }
        if (flows < 1) {
            throw new IllegalArgumentException(kind.key() + " traffic: flows must be >= 1, got " + flows);
        }
        directions = Set.copyOf(EnumSet.copyOf(directions));
    }

    /** Saturating flows in the given directions. */
    public static Flow bulk(long atMs, long forMs, Set<Direction> directions) {
        return new Flow(Kind.BULK, atMs, forMs, directions, 0, 0, 0, SenderSetup.DEFAULT_FLOWS);
    }

    /** A trickle in both directions. */
    public static Flow idle(long atMs, long forMs, double rateMbps) {
        return new Flow(Kind.IDLE, atMs, forMs, EnumSet.allOf(Direction.class), rateMbps, 0, 0, 1);
    }

    boolean greedy() {
        return kind == Kind.BULK || kind == Kind.BURST || kind == Kind.WEB;
    }
}
