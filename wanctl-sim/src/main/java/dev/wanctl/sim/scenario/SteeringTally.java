package dev.wanctl.sim.scenario;

import dev.wanctl.emulator.model.WriteRecord;
import java.util.List;

/**
 * What the steering daemon did in a run, from the router's record of the steering rule's writes:
 * how often it enabled the rule (latency-sensitive traffic to the alternate WAN) and for how many
 * seconds the rule was on. Counted the same way in {@code wanctl simulate} and {@code wanctl demo}.
 */
public record SteeringTally(int timesEnabled, double steeredSeconds) {

    /** The tally of {@code toggles} (the rule's {@code disabled} writes, in order) up to {@code endNanos}. */
    public static SteeringTally of(List<WriteRecord> toggles, long endNanos) {
        int enabled = 0;
        long total = 0;
        long onSince = -1;
        for (WriteRecord w : toggles) {
            boolean on = "false".equals(w.newValue());
            if (on) {
                enabled++;
            }
            if (on && onSince < 0) {
                onSince = w.atNanos();
            } else if (!on && onSince >= 0) {
                total += w.atNanos() - onSince;
                onSince = -1;
            }
        }
        if (onSince >= 0) {
            total += Math.max(0, endNanos - onSince);
        }
        return new SteeringTally(enabled, total / 1e9);
    }
}
