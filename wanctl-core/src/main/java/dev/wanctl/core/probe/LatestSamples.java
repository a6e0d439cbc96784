package dev.wanctl.core.probe;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The newest sample of each slot. The receiver publishes an immutable pair (RTT and receive time
 * stay together); the control loop reads without locks, waiting or allocating.
 */
final class LatestSamples {

    private record Sample(double rttMs, long receivedAtNanos) {
    }

    private final AtomicReferenceArray<Sample> samples;

    LatestSamples(int slots) {
        samples = new AtomicReferenceArray<>(slots);
    }

    int size() {
        return samples.length();
    }

    void publish(int slot, double rttMs, long receivedAtNanos) {
        samples.setRelease(slot, new Sample(rttMs, receivedAtNanos));
    }

    void clear(int slot) {
        samples.setRelease(slot, null);
    }

    void copyTo(double[] rttMs, long[] receivedAtNanos) {
        int n = Math.min(samples.length(), Math.min(rttMs.length, receivedAtNanos.length));
        for (int i = 0; i < n; i++) {
            Sample s = samples.getAcquire(i);
            rttMs[i] = s == null ? Double.NaN : s.rttMs();
            receivedAtNanos[i] = s == null ? RttProbe.NO_SAMPLE : s.receivedAtNanos();
        }
    }
}
