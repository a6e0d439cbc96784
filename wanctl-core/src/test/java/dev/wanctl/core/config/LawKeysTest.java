package dev.wanctl.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.control.AdaptiveControlLaw;
import dev.wanctl.core.control.ControlLaws;
import dev.wanctl.core.control.LawKey;
import dev.wanctl.core.control.LawType;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A law's keys come from its registration: the schema, their reading and their messages follow it. */
class LawKeysTest {

    private static Loaded<AutorateConfig> load(String section) throws IOException {
        String yaml = ReferenceConfigsTest.resource("cable.yaml")
                .replace("  baseline_rtt_initial: 24\n", "  baseline_rtt_initial: 24\n" + section);
        return ConfigLoader.parseAutorate(yaml, Path.of("cable.yaml"), ReferenceConfigsTest.ENV);
    }

    @Test
    void everyRegisteredLawsKeysAreInTheSchemaUnderItsOwnSectionWithTheirDocs() {
        for (LawType law : ControlLaws.types()) {
            for (LawKey k : law.keys()) {
                ConfigKey c = AutorateSchema.SCHEMA.key("continuous_monitoring." + law.name() + "." + k.name())
                        .orElseThrow(() -> new AssertionError(law.name() + "." + k.name() + " missing"));
                assertThat(c.description()).isEqualTo(k.doc());
                assertThat(c.min()).isEqualTo(k.min());
                assertThat(c.max()).isEqualTo(k.max());
                assertThat(c.defaultValue()).isEqualTo(k.defaultValue());
            }
        }
        assertThat(AutorateSchema.SCHEMA.key("continuous_monitoring.law").orElseThrow().choices())
                .isEqualTo(ControlLaws.names());
    }

    @Test
    void theChosenLawReadsItsSectionAndItsDefaultsFillTheRest() throws IOException {
        Loaded<AutorateConfig> l = load("  law: adaptive\n  adaptive:\n    cut_above_ms: 9\n"
                + "    counter_interval_sec: 0.25\n");
        assertThat(l.ok()).as(l.errorReport()).isTrue();
        var own = (AdaptiveControlLaw.Params) l.config().control().law();
        assertThat(own.law().cutAboveMs()).isEqualTo(9);
        assertThat(own.law().growBelowMs()).isEqualTo(6);
        assertThat(own.loadedCounterIntervalSec()).isEqualTo(0.25);
        assertThat(own.idleCounterIntervalSec()).isEqualTo(3.0);
        assertThat(l.config().notes()).anyMatch(n -> n.startsWith("law: adaptive (cut above 9 ms, grow below 6 ms"));
    }

    @Test
    void aLawsBadValuesAreErrorsNamingTheKeyItsLineAndWhatIsAllowed() throws IOException {
        Loaded<AutorateConfig> range = load("  law: adaptive\n  adaptive:\n    drain_sec: 50\n");
        assertThat(range.errors().stream().map(ConfigProblem::toString).toList()).containsExactly(
                "continuous_monitoring.adaptive.drain_sec (line 20): must be a number from 0.1 to 10, got 50");
        Loaded<AutorateConfig> order = load("  law: adaptive\n  adaptive:\n    cut_above_ms: 8\n"
                + "    grow_below_ms: 10\n");
        assertThat(order.errors().stream().map(ConfigProblem::toString).toList()).containsExactly(
                "continuous_monitoring.adaptive.grow_below_ms (line 21): must not exceed cut_above_ms (8), got 10");
    }

    @Test
    void withoutALawTheReferenceLawRunsAndAnotherLawsSectionIsNotRead() throws IOException {
        Loaded<AutorateConfig> l = load("  adaptive:\n    cut_above_ms: 8\n    grow_below_ms: 10\n");
        assertThat(l.ok()).as(l.errorReport()).isTrue();
        assertThat(l.config().control().lawName()).isEqualTo(ControlLaws.REFERENCE);
        assertThat(l.config().control().law().type().keys()).isEmpty();
    }
}
