package dev.wanctl.autorate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.config.ConfigEnvironment;
import dev.wanctl.core.config.ConfigLoader;
import dev.wanctl.core.control.ControlLaw;
import dev.wanctl.core.control.ControlLaws;
import dev.wanctl.core.control.ControllerState;
import dev.wanctl.core.control.LawInput;
import dev.wanctl.core.control.Streaks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A restored baseline below every RTT is re-learned in whichever law runs (through the seam). */
class BaselineRelearnTest {

    private static final long INTERVAL = 50_000_000L;

    @Test
    void aStuckBaselineIsRelearnedByTheReferenceLaw() throws Exception {
        assertRelearned(config(false));
    }

    @Test
    void aStuckBaselineIsRelearnedByTheAdaptiveLawNotOnlyByAnUnusedTracker() throws Exception {
        assertRelearned(config(true));
    }

    private static void assertRelearned(AutorateConfig config) {
        ControlLaw law = ControlLaws.create(config.control());
        double min = config.control().rtt().baselineMinMs();
        law.restore(new ControllerState(new ControllerState.Direction(940_000_000L, Streaks.NONE), null,
                new ControllerState.Rtt(min, min)));
        BaselineRelearn relearn = new BaselineRelearn("spectrum");
        relearn.arm();
        LawInput in = new LawInput(INTERVAL);
        long cycles = BaselineRelearn.WINDOW_NANOS / INTERVAL;
        for (long k = 0; k <= cycles; k++) {
            law.step(in.rtt(24 + (k % 3) * 0.1, 0));
            relearn.sample(in.rttMs(), k * INTERVAL, law);
        }
        assertThat(law.decision().baselineMs()).as(config.control().lawName())
                .isEqualTo(24.0);
    }

    private static AutorateConfig config(boolean adaptive) throws Exception {
        String yaml = Files.readString(Path.of("..", "configs", "spectrum.yaml"));
        if (!adaptive) {
            yaml = yaml.replaceFirst("(?m)^  law: adaptive", "  law: reference");
        }
        return ConfigLoader.parseAutorate(yaml, Path.of("spectrum.yaml"),
                new ConfigLoader.Options(new ConfigEnvironment(Map.of()), false)).config();
    }
}
