package dev.wanctl.bench;

import dev.wanctl.core.runtime.CycleProfiler;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The per-phase cost of profiling a cycle: {@code record} must be a few ns and allocate nothing. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CycleProfilerBenchmark {

    private final CycleProfiler profiler = new CycleProfiler(1200, "probe", "control", "writer", "state", "total");
    private final int control = profiler.phase("control");
    private long nanos = 12_345;

    @Benchmark
    public void record() {
        profiler.record(control, nanos++);
    }

    @Benchmark
    public void recordFivePhases() {
        long n = nanos++;
        profiler.record(0, n);
        profiler.record(1, n + 1);
        profiler.record(2, n + 2);
        profiler.record(3, n + 3);
        profiler.record(4, n + 4);
    }
}
