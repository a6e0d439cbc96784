package dev.wanctl.bench;

import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.config.ConfigEnvironment;
import dev.wanctl.core.config.ConfigLoader;
import dev.wanctl.autorate.AutoratePipeline;
import dev.wanctl.core.control.AutorateStep;
import dev.wanctl.core.control.FallbackPolicy;
import dev.wanctl.core.control.LawDecision;
import dev.wanctl.core.control.LawInput;
import dev.wanctl.core.control.RttSelector;
import dev.wanctl.core.control.WriteGate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One autorate control cycle as the daemon runs it: pick this cycle's RTT from three reflectors,
 * step the controller (fallback included), decide the router write, for each law (the reference
 * law, and the adaptive law fed delivered rates as the byte counters give them). Goal: under 1 µs
 * and no allocation ({@code scripts/bench.sh ControlCycle -prof gc}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ControlCycleBenchmark {

    private static final long INTERVAL_NANOS = 50_000_000L;
    private static final int SAMPLES = 4096;

    private RttSelector selector;
    private AutorateStep step;
    private LawInput input;
    private LawDecision decision;
    private WriteGate gate;
    private final double[] rtt = new double[3];
    private final long[] receivedAt = new long[3];
    private double[][] recorded;
    private long cycle;

    /** {@code continuous_monitoring.law}. */
    @Param({"reference", "adaptive"})
    public String law;

    @Setup
    public void setUp() throws IOException {
        String yaml = spectrumConfig().replaceAll("(?m)^  law: .*\\n", "")
                .replace("continuous_monitoring:\n", "continuous_monitoring:\n  law: " + law + "\n");
        AutorateConfig c = ConfigLoader.parseAutorate(yaml, Path.of("spectrum.yaml"),
                new ConfigLoader.Options(new ConfigEnvironment(Map.of()), false)).config();
        AutoratePipeline pipeline = AutoratePipeline.of(c);
        step = pipeline.step();
        input = pipeline.input();
        decision = pipeline.law().decision();
        selector = pipeline.selector(3);
        gate = pipeline.gate();
        // idle, loaded and bloated RTTs so every zone and branch is exercised
        SplittableRandom r = new SplittableRandom(42);
        recorded = new double[SAMPLES][3];
        for (int i = 0; i < SAMPLES; i++) {
            double load = (i / 512) % 2 == 0 ? 0 : r.nextDouble(0, 120);
            for (int j = 0; j < 3; j++) {
                recorded[i][j] = 24 + load + r.nextDouble(-1, 1);
            }
        }
    }

    private static String spectrumConfig() throws IOException {
        try (InputStream in = ControlCycleBenchmark.class.getResourceAsStream("/spectrum.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Benchmark
    public long controlCycle() {
        long now = cycle * INTERVAL_NANOS;
        double[] sample = recorded[(int) (cycle & (SAMPLES - 1))];
        for (int j = 0; j < 3; j++) {
            rtt[j] = sample[j];
            receivedAt[j] = now - 10_000_000L;
        }
        double selected = selector.select(rtt, receivedAt, now);
        // what the counters would say: the download busy while the RTT is up, the upload idle
        boolean busy = ((cycle >> 9) & 1) == 1;
        input.rtt(selected, selector.lateByMs())
                .delivered(busy ? 0.9 * gate.appliedDownloadBps() : 1e5, 2e5)
                .applied(gate.appliedDownloadBps(), gate.appliedUploadBps());
        step.update(input, FallbackPolicy.Connectivity.PRESENT);
        long dl = decision.downloadRateBps();
        long ul = decision.uploadRateBps();
        if (gate.decide(dl, ul, now) == WriteGate.Decision.WRITE) {
            gate.applied(gate.writeDownload() ? dl : gate.appliedDownloadBps(),
                    gate.writeUpload() ? ul : gate.appliedUploadBps(), now);
        }
        cycle++;
        return dl + ul;
    }
}
