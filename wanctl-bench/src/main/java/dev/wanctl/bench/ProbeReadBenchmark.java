package dev.wanctl.bench;

import dev.wanctl.core.control.RttSelector;
import dev.wanctl.core.probe.ProbeOptions;
import dev.wanctl.core.probe.RttProbe;
import dev.wanctl.core.probe.RttProbes;
import dev.wanctl.core.runtime.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the control cycle pays to read the probe: {@code readLatest} on a live probe (echoes to
 * three loopback reflectors every 50 ms, so the receiver publishes while we read), and the
 * median of the fresh samples. Both must allocate nothing ({@code -prof gc}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ProbeReadBenchmark {

    private RttProbe probe;
    private double[] rttMs;
    private long[] receivedAtNanos;
    private final RttSelector selector = new RttSelector(3, true, 100_000_000L);

    @Setup(Level.Trial)
    public void open() {
        probe = RttProbes.open(ProbeOptions.of(List.of("127.0.0.1", "127.0.0.2", "127.0.0.3"), 50_000_000L),
                Clock.system());
        rttMs = new double[probe.reflectorCount()];
        receivedAtNanos = new long[rttMs.length];
    }

    @TearDown(Level.Trial)
    public void close() {
        probe.close();
    }

    @Benchmark
    public long readLatest() {
        probe.readLatest(rttMs, receivedAtNanos);
        return receivedAtNanos[0];
    }

    @Benchmark
    public double readLatestAndSelect() {
        probe.readLatest(rttMs, receivedAtNanos);
        return selector.select(rttMs, receivedAtNanos, System.nanoTime());
    }
}
