package dev.wanctl.autorate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.config.AutorateConfig;
import dev.wanctl.core.config.ConfigEnvironment;
import dev.wanctl.core.config.ConfigLoader;
import dev.wanctl.core.control.ControlLaw;
import dev.wanctl.core.control.ControlLaws;
import dev.wanctl.core.control.LawInput;
import dev.wanctl.core.control.Zone;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class AutorateStateCodecTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ControlLaw controller() {
        return ControlLaws.create(config(referenceLaw(Path.of("..", "configs", "spectrum.yaml"))).control());
    }

    private static AutorateConfig config(String yaml) {
        return ConfigLoader.parseAutorate(yaml, Path.of("spectrum.yaml"),
                new ConfigLoader.Options(new ConfigEnvironment(Map.of()), false)).config();
    }

    @Test
    void writesTheReferenceKeysPlusCongestion() {
        ControlLaw c = controller();
        for (int i = 0; i < 3; i++) {
            c.step(new LawInput(50_000_000L).rtt(200, 0)); // delta 69 ms (SOFT_RED), then 111 and 138 ms (RED, RED)
        }
        ObjectNode s = AutorateStateCodec.encode(c, 799_000_000L, 34_200_000L, 0, ZoneOffset.UTC);
        assertThat(s.path("download").path("red_streak").asInt()).isEqualTo(2);
        assertThat(s.path("download").path("current_rate").asLong()).isEqualTo(c.decision().downloadRateBps());
        assertThat(s.path("ewma").path("baseline_rtt").asDouble()).isEqualTo(c.decision().baselineMs());
        assertThat(s.path("last_applied").path("dl_rate").asLong()).isEqualTo(799_000_000L);
        assertThat(s.path("timestamp").asString()).isEqualTo("1970-01-01T00:00:00");
        assertThat(s.path("congestion").path("dl_state").asString()).isEqualTo("RED");
    }

    @Test
    void aReferenceStateFileIsRestoredAndARateAboveTheCeilingIsRefusedByName() throws Exception {
        JsonNode ref = JSON.readTree("""
                {"download": {"green_streak": 7, "soft_red_streak": 0, "red_streak": 0, "current_rate": 2000000000},
                 "upload": {"green_streak": 0, "soft_red_streak": 0, "red_streak": 2, "current_rate": 20000000},
                 "ewma": {"baseline_rtt": 22.5, "load_rtt": 31.0},
                 "last_applied": {"dl_rate": 900000000, "ul_rate": 20000000},
                 "timestamp": "2026-01-11T10:20:54.783000"}""");
        ControlLaw c = controller();
        AutorateStateCodec.Restored r = AutorateStateCodec.restore(ref, c);
        assertThat(r.any()).isTrue();
        assertThat(r.ignored()).singleElement().asString().startsWith("download.current_rate (2000000000 bit/s");
        assertThat(c.decision().downloadRateBps()).isEqualTo(940_000_000L); // the default: the ceiling
        assertThat(c.decision().uploadRateBps()).isEqualTo(20_000_000L);
        assertThat(c.decision().uploadZone()).isEqualTo(Zone.RED);
        assertThat(c.decision().baselineMs()).isEqualTo(22.5);
        assertThat(c.decision().loadMs()).isEqualTo(31.0);
        assertThat(r.appliedDl()).hasValue(900_000_000L);
    }

    @Test
    void malformedFieldsAreNamedAndKeepTheirDefaults() throws Exception {
        JsonNode bad = JSON.readTree("""
                {"download": {"current_rate": "fast"}, "ewma": {"baseline_rtt": -3, "load_rtt": 20}}""");
        ControlLaw c = controller();
        AutorateStateCodec.Restored r = AutorateStateCodec.restore(bad, c);
        assertThat(r.any()).isFalse();
        assertThat(r.ignored()).containsExactly("download.current_rate (\"fast\")", "ewma.baseline_rtt (-3)");
        assertThat(c.decision().downloadRateBps()).isEqualTo(940_000_000L);
        assertThat(c.decision().baselineMs()).isEqualTo(24);
    }

    @Test
    void implausibleValuesAreRefusedByNameAndTheDefaultsUsed() throws Exception {
        JsonNode bad = JSON.readTree("""
                {"download": {"current_rate": 500000000, "red_streak": 1e12},
                 "ewma": {"baseline_rtt": 1e-9, "load_rtt": 1e308},
                 "last_applied": {"dl_rate": 0, "ul_rate": 20000000}}""");
        ControlLaw c = controller();
        AutorateStateCodec.Restored r = AutorateStateCodec.restore(bad, c);
        assertThat(r.ignored()).anySatisfy(s -> assertThat(s).startsWith("ewma.baseline_rtt (1.0E-9 ms is outside"))
                .anySatisfy(s -> assertThat(s).startsWith("ewma.load_rtt (1.0E308 ms is above"))
                .anySatisfy(s -> assertThat(s).startsWith("download.red_streak"))
                .anySatisfy(s -> assertThat(s).startsWith("last_applied.dl_rate (0 bit/s"));
        assertThat(c.decision().baselineMs()).as("the configured initial baseline, not a clamped 1 ms").isEqualTo(24);
        assertThat(c.decision().loadMs()).isEqualTo(24);
        assertThat(c.decision().downloadRateBps()).isEqualTo(500_000_000L);
        assertThat(r.appliedDl()).as("a pair or nothing").isEmpty();
        assertThat(r.appliedUl()).isEmpty();
    }

    @Test
    void aBaselineAboveItsBoundsIsRefusedNotClampedSoBloatIsNotLearnedAsIdle() throws Exception {
        JsonNode bad = JSON.readTree("""
                {"ewma": {"baseline_rtt": 900, "load_rtt": 900}}""");
        ControlLaw c = controller();
        AutorateStateCodec.Restored r = AutorateStateCodec.restore(bad, c);
        assertThat(r.ignored()).singleElement().asString().contains("outside baseline_rtt_bounds");
        assertThat(c.decision().baselineMs()).isEqualTo(24);
    }

    @Test
    void aReloadCarriesTheStateOverAsTheStateFileWouldWithoutJson() throws Exception {
        String adaptive = java.nio.file.Files.readString(Path.of("..", "configs", "spectrum.yaml"));
        String reference = referenceLaw(Path.of("..", "configs", "spectrum.yaml"));
        String[][] pairs = {{reference, reference}, {adaptive, adaptive}, {reference, adaptive}, {adaptive, reference},
                {reference, reference.replace("ceiling_mbps: 940", "ceiling_mbps: 500")}};
        for (String[] pair : pairs) {
            ControlLaw from = ControlLaws.create(config(pair[0]).control());
            LawInput in = new LawInput(50_000_000L);
            for (int i = 0; i < 40; i++) {
                from.step(in.rtt(i < 20 ? 24 + i : 180, 0).delivered(8e8, 1e6).applied(940_000_000L, 38_000_000L));
            }
            ControlLaw viaJson = ControlLaws.create(config(pair[1]).control());
            AutorateStateCodec.restore(AutorateStateCodec.encode(from, -1, -1, 0, ZoneOffset.UTC), viaJson);
            ControlLaw direct = ControlLaws.create(config(pair[1]).control());
            AutorateStateCodec.carryOver(from, direct);
            assertThat(direct.state()).isEqualTo(viaJson.state());
            assertThat(AutorateStateCodec.encode(direct, -1, -1, 0, ZoneOffset.UTC))
                    .isEqualTo(AutorateStateCodec.encode(viaJson, -1, -1, 0, ZoneOffset.UTC));
        }
    }

    /** The shipped config with the reference law: what these tests pin down is the reference's behaviour. */
    private static String referenceLaw(Path file) {
        try {
            return java.nio.file.Files.readString(file).replaceFirst("(?m)^  law: adaptive", "  law: reference");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
