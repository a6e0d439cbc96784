package dev.wanctl.sim.scenario;

import dev.wanctl.core.probe.ProbeMethod;
import dev.wanctl.core.probe.ReflectorState;
import dev.wanctl.core.probe.ReflectorStatus;
import dev.wanctl.core.probe.RttProbe;
import dev.wanctl.sim.link.ReflectorBank;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated reflectors as the daemon's {@link RttProbe}: each cycle reads the newest reply of
 * each reflector and when it arrived, exactly what the ICMP probe gives in production (a reply
 * comes back a whole RTT after its echo went out, so under bufferbloat the sample is old). Public
 * for {@code wanctl demo}, where the link runs on its own thread in real time.
 */
public final class ReflectorProbe implements RttProbe {

    private final ReflectorBank bank;
    private final Object lock;
    private volatile long originNanos;
    private volatile boolean started;

    /** On the simulation's virtual clock, on the simulation's thread. */
    ReflectorProbe(ReflectorBank bank) {
        this(bank, new Object());
        start(0);
    }

    /**
     * A probe that has no samples until {@link #start} says when simulated time 0 was.
     *
     * @param lock held by whoever steps the link while the probe reads
     */
    public ReflectorProbe(ReflectorBank bank, Object lock) {
        this.bank = bank;
        this.lock = lock;
    }

    /** Simulated time 0 is {@code originNanos} on the daemon's clock: the link starts now. */
    public void start(long originNanos) {
        this.originNanos = originNanos;
        this.started = true;
    }

    @Override
    public ProbeMethod method() {
        return ProbeMethod.ICMP_PING_SOCKET;
    }

    @Override
    public String methodDetail() {
        return "simulated reflectors";
    }

    @Override
    public int reflectorCount() {
        return bank.count();
    }

    @Override
    public void readLatest(double[] rttMs, long[] receivedAtNanos) {
        int n = Math.min(bank.count(), rttMs.length);
        if (!started) {
            java.util.Arrays.fill(rttMs, 0, n, Double.NaN);
            java.util.Arrays.fill(receivedAtNanos, 0, n, NO_SAMPLE);
            return;
        }
        synchronized (lock) {
            for (int i = 0; i < n; i++) {
                long at = bank.newestReceiveNanos(i);
                rttMs[i] = at < 0 ? Double.NaN : bank.newestRttMs(i);
                receivedAtNanos[i] = at < 0 ? NO_SAMPLE : originNanos + at;
            }
        }
    }

    @Override
    public List<ReflectorStatus> reflectorStatus() {
        List<ReflectorStatus> out = new ArrayList<>();
        for (int i = 0; i < bank.count(); i++) {
            out.add(new ReflectorStatus(bank.name(i), ReflectorState.OK, bank.newestRttMs(i), 0, null));
        }
        return out;
    }

    @Override
    public void close() {}
}
