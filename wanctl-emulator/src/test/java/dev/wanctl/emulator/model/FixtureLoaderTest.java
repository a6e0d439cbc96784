package dev.wanctl.emulator.model;

import dev.wanctl.emulator.RouterEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wanctl.core.runtime.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled fixture and fixture files. */
class FixtureLoaderTest {

    @TempDir
    Path tmp;

    @Test
    void bundledFixtureMatchesTheExampleConfigs() {
        RouterState s = RouterState.of(FixtureLoader.defaultFixture(), Clock.system());

        assertThat(s.queues()).extracting(QueueSnapshot::name, QueueSnapshot::maxLimitBps, QueueSnapshot::queueType)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("WAN-Download-Spectrum", 940_000_000L, "cake-down-spectrum"),
                        org.assertj.core.groups.Tuple.tuple("WAN-Upload-Spectrum", 38_000_000L, "cake-up-spectrum"),
                        org.assertj.core.groups.Tuple.tuple("WAN-Download-ATT", 95_000_000L, "cake-down-att"),
                        org.assertj.core.groups.Tuple.tuple("WAN-Upload-ATT", 18_000_000L, "cake-up-att"));
        RuleSnapshot rule = s.rule("ADAPTIVE: Steer latency-sensitive to ATT").orElseThrow();
        assertThat(rule.disabled()).isTrue();
        assertThat(rule.properties()).containsEntry("chain", "prerouting").containsEntry("action", "mark-routing")
                .containsEntry("new-routing-mark", "to_att").containsEntry("connection-state", "new")
                .containsEntry("dscp", "46");
        assertThat(s.rules()).hasSize(2);
        assertThat(s.rules().getFirst().properties()).doesNotContainKey("disabled");
        assertThat(s.users()).containsExactly("wanctl");
        assertThat(s.passwordMatches("wanctl", "wanctl-demo")).isTrue();
        assertThat(s.identity()).isEqualTo("MikroTik");
        assertThat(s.boardName()).isEqualTo("RB5009UG+S+");
    }

    @Test
    void fixtureFileIsLoadedAndValidatedLikeRestPuts() throws Exception {
        Path file = Files.writeString(tmp.resolve("r.yaml"), """
                system: {identity: lab, version: 7.23.7 (long-term)}
                users: [{name: admin, password: secret}]
                queue-types: [{name: cake-x, kind: cake, cake-diffserv: diffserv8}]
                queue-tree: [{name: q, parent: global, queue: cake-x, max-limit: 1G, comment: hello}]
                """);

        RouterEmulator router = RouterEmulator.builder().fixture(file).build();

        assertThat(router.state().version()).isEqualTo("7.23.7 (long-term)");
        assertThat(router.state().maxLimitBps("q")).isEqualTo(1_000_000_000L);
        assertThat(router.state().queue("q").orElseThrow().comment()).isEqualTo("hello");
        assertThat(router.user()).isEqualTo("admin");
    }

    @Test
    void badFixtureSaysWhereAndWhat() {
        assertThatThrownBy(() -> RouterState.of(FixtureLoader.parse(
                "queue-types: [{name: t, kind: cake, cake-flowmode: fair}]", "bad.yaml"), Clock.system()))
                .hasMessageContaining("queue-types[0]").hasMessageContaining("input does not match any value of cake-flowmode");
        assertThatThrownBy(() -> FixtureLoader.parse("queues: []", "bad.yaml"))
                .hasMessageContaining("bad.yaml").hasMessageContaining("unknown key 'queues'");
        assertThatThrownBy(() -> RouterState.of(FixtureLoader.parse(
                "queue-tree: [{name: q, parent: nowhere}]", "bad.yaml"), Clock.system()))
                .hasMessageContaining("input does not match any value of parent");
    }

    @Test
    void fixtureWithoutUsersHasAdminWithAnEmptyPassword() {
        RouterEmulator router = RouterEmulator.builder().fixture(FixtureLoader.parse("", "empty")).build();

        assertThat(router.user()).isEqualTo("admin");
        assertThat(router.password()).isEmpty();
        assertThat(router.state().queues()).isEmpty();
    }
}
