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
 * comes back a whole RTT after its echo went out, so under bufferbloat the sample is old).
 */
final class ReflectorProbe implements RttProbe {

    private final ReflectorBank bank;

    ReflectorProbe(ReflectorBank bank) {
        this.bank = bank;
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
        for (int i = 0; i < n; i++) {
            long at = bank.newestReceiveNanos(i);
            rttMs[i] = at < 0 ? Double.NaN : bank.newestRttMs(i);
            receivedAtNanos[i] = at < 0 ? NO_SAMPLE : at;
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
