package dev.wanctl.emulator.testing;

import dev.wanctl.core.probe.ProbeMethod;
import dev.wanctl.core.probe.ReflectorState;
import dev.wanctl.core.probe.ReflectorStatus;
import dev.wanctl.core.probe.RttProbe;
import dev.wanctl.core.runtime.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.LongToDoubleFunction;

/**
 * An RTT probe whose reflectors all answer with an RTT scripted as a function of time (NaN: no
 * answer), read on the daemon's clock; {@code onRead} lets a test act at a precise moment of the
 * timeline (fault injection, stopping the daemon) from the loop thread. Public: the autorate and
 * steering end-to-end tests drive their daemons with it.
 */
public final class ScriptedProbe implements RttProbe {

    private final Clock clock;
    private final int reflectors;
    private final LongToDoubleFunction rttAtNanos;
    private final LongConsumer onRead;

    public ScriptedProbe(Clock clock, int reflectors, LongToDoubleFunction rttAtNanos, LongConsumer onRead) {
        this.clock = clock;
        this.reflectors = reflectors;
        this.rttAtNanos = rttAtNanos;
        this.onRead = onRead;
    }

    @Override
    public ProbeMethod method() {
        return ProbeMethod.ICMP_RAW_SOCKET;
    }

    @Override
    public String methodDetail() {
        return "scripted";
    }

    @Override
    public int reflectorCount() {
        return reflectors;
    }

    @Override
    public void readLatest(double[] rttMs, long[] receivedAtNanos) {
        long now = clock.nanoTime();
        onRead.accept(now);
        double r = rttAtNanos.applyAsDouble(now);
        for (int i = 0; i < reflectors; i++) {
            rttMs[i] = r;
            receivedAtNanos[i] = Double.isNaN(r) ? NO_SAMPLE : now;
        }
    }

    @Override
    public List<ReflectorStatus> reflectorStatus() {
        List<ReflectorStatus> out = new ArrayList<>();
        for (int i = 0; i < reflectors; i++) {
            out.add(new ReflectorStatus("10.0.0." + (i + 1), ReflectorState.OK, 0, 0, null));
        }
        return out;
    }

    @Override
    public void close() {}
}
