package dev.wanctl.bench;

import dev.wanctl.core.daemon.AutorateMetrics;
import dev.wanctl.core.daemon.WanctlMetrics;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The autorate cycle's Prometheus update with pre-bound labels: must allocate nothing. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MetricsUpdateBenchmark {

    private final AutorateMetrics metrics = new WanctlMetrics().autorate("spectrum");
    private double load = 25.0;

    @Benchmark
    public void autorateCycle() {
        load += 0.001;
        metrics.cycle(940, 38, 24.0, load, 1, 2, 0.002);
    }
}
