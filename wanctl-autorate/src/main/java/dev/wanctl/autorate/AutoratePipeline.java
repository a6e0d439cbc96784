package dev.wanctl.autorate;

import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.control.AutorateStep;
import dev.wanctl.core.control.ControlLaw;
import dev.wanctl.core.control.ControlLaws;
import dev.wanctl.core.control.FallbackPolicy;
import dev.wanctl.core.control.LawInput;
import dev.wanctl.core.control.RttSelector;
import dev.wanctl.core.control.WriteGate;
import dev.wanctl.core.probe.RttProbe;
import dev.wanctl.core.runtime.Clock;
import dev.wanctl.routeros.Shaper;
import java.util.Objects;

/**
 * The one place a config becomes a control pipeline: the control law it names
 * ({@link ControlLaws}), the measurement-loss step around it, the RTT selector, the write gate,
 * and on demand the writer, the byte-counter reader and the cycle. The daemon
 * ({@code AutorateWiring}), the simulator, {@code wanctl replay} and the benchmark all build here,
 * so what one runs the others run.
 */
public final class AutoratePipeline {

    private final AutorateConfig config;
    private final ControlLaw law;
    private final AutorateStep step;
    private final WriteGate gate;

    private AutoratePipeline(AutorateConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.law = ControlLaws.create(config.control());
        this.step = new AutorateStep(law,
                new FallbackPolicy(config.fallback().mode(), config.fallback().maxFallbackCycles()));
        this.gate = WriteGates.of(config.rateLimit());
    }

    /** A fresh pipeline for {@code config}: the law at its starting rates, nothing written yet. */
    public static AutoratePipeline of(AutorateConfig config) {
        return new AutoratePipeline(config);
    }

    /**
     * The RTT selector for {@code reflectors} reflectors: a reply later than the maximum age but
     * within the reply timeout is late, not lost (the RTT just rose; a delay sample, never a
     * fallback cycle).
     */
    public RttSelector selector(int reflectors) {
        return new RttSelector(reflectors, config.probe().medianOfThree(), config.probe().maxSampleAge().toNanos(),
                config.probe().maxSampleAge().toNanos() + config.probe().replyTimeout().toNanos());
    }

    /** A measurement record at the config's interval, filled again every cycle by one driver. */
    public LawInput input() {
        return new LawInput(config.interval().toNanos());
    }

    /** The writer of the law's rates to the config's two queues, through this pipeline's gate. */
    public RateWriter writer(Shaper router, Clock clock, boolean dryRun) {
        return new RateWriter(router, config.wanName(), config.queues().download(), config.queues().upload(), gate,
                clock, config.interval().toNanos(), dryRun);
    }

    /** The byte-counter reader of the config's two queues when the law reads delivered rates, else null. */
    public DeliveredRates delivered(Shaper router, Clock clock) {
        if (!law.readsDeliveredRates()) {
            return null;
        }
        return new DeliveredRates(router, config.wanName(), config.queues().download(), config.queues().upload(),
                clock, law.loadedCounterIntervalNanos(), law.idleCounterIntervalNanos());
    }

    /** A cycle around this pipeline's law, reading {@code probe} and writing through {@code writer} (made by {@link #writer}). */
    public AutorateCycle.Builder cycle(RttProbe probe, RateWriter writer, Clock clock) {
        return new AutorateCycle.Builder(this, probe, writer, clock);
    }

    public AutorateConfig config() {
        return config;
    }

    public ControlLaw law() {
        return law;
    }

    public AutorateStep step() {
        return step;
    }

    public WriteGate gate() {
        return gate;
    }
}
