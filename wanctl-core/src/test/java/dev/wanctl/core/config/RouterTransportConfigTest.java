package dev.wanctl.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code transport: api} and failover with the API first: the ports they default to and what they warn about. */
class RouterTransportConfigTest {

    private static Loaded<AutorateConfig> router(String routerLines) throws IOException {
        String yaml = ReferenceConfigsTest.resource("cable.yaml")
                .replace("  transport: \"rest\"\n", routerLines)
                .replace("  port: 443\n  verify_ssl: false\n", "  cert_fingerprint: \"" + "ab".repeat(32) + "\"\n");
        return ConfigLoader.parseAutorate(yaml, Path.of("cable.yaml"), ReferenceConfigsTest.ENV);
    }

    private static List<String> warnings(Loaded<?> l) {
        return l.warnings().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void theApiDefaultsToApiSslOnPort8729() throws IOException {
        Loaded<AutorateConfig> l = router("  transport: api\n");

        assertThat(l.errors()).isEmpty();
        RouterConfig r = l.config().router();
        assertThat(r.restPort()).isEqualTo(8729);
        assertThat(r.scheme()).isEqualTo(RouterConfig.Scheme.HTTPS);
        assertThat(r.members()).containsExactly(RouterConfig.Transport.API);
    }

    @Test
    void thePlainApiPortWorksButWarnsThatThePasswordTravelsUnencrypted() throws IOException {
        Loaded<AutorateConfig> l = ConfigLoader.parseAutorate(ReferenceConfigsTest.resource("cable.yaml")
                .replace("  transport: \"rest\"\n", "  transport: api\n").replace("  port: 443\n", "  port: 8728\n"),
                Path.of("cable.yaml"), ReferenceConfigsTest.ENV);

        assertThat(l.errors()).isEmpty();
        assertThat(l.config().router().scheme()).isEqualTo(RouterConfig.Scheme.HTTP);
        assertThat(warnings(l)).anyMatch(w -> w.contains("router.port") && w.contains("unencrypted"));
    }

    @Test
    void aPinnedCertificateOnThePlainApiPortIsRefusedRatherThanSentInPlainText() throws IOException {
        Loaded<AutorateConfig> l = router("  transport: api\n  port: 8728\n");

        assertThat(l.errors()).map(ConfigProblem::toString)
                .anyMatch(e -> e.contains("router.port") && e.contains("cert_fingerprint") && e.contains("8729"));
    }

    @Test
    void failoverWithTheApiFirstUsesTheApiPortAndFallsBackToSsh() throws IOException {
        Loaded<AutorateConfig> l = router("  transport: failover\n  failover_primary: api\n");

        assertThat(l.errors()).isEmpty();
        RouterConfig r = l.config().router();
        assertThat(r.failoverPrimary()).isEqualTo(RouterConfig.Transport.API);
        assertThat(r.restPort()).isEqualTo(8729);
        assertThat(r.members()).containsExactly(RouterConfig.Transport.API, RouterConfig.Transport.SSH);
    }

    @Test
    void failoverStillPrefersRestWhenNothingElseIsSaid() throws IOException {
        RouterConfig r = router("  transport: failover\n").config().router();

        assertThat(r.members()).containsExactly(RouterConfig.Transport.REST, RouterConfig.Transport.SSH);
        assertThat(r.restPort()).isEqualTo(443);
    }

    @Test
    void aFailoverPrimaryWithoutFailoverIsAWarningNamingTheTransport() throws IOException {
        Loaded<AutorateConfig> l = router("  transport: rest\n  failover_primary: api\n");

        assertThat(l.errors()).isEmpty();
        assertThat(warnings(l)).anyMatch(w -> w.contains("router.failover_primary") && w.contains("rest"));
    }

    @Test
    void anUnknownFailoverPrimaryIsAnErrorListingTheChoices() throws IOException {
        Loaded<AutorateConfig> l = router("  transport: failover\n  failover_primary: ssh\n");

        assertThat(l.errors()).map(ConfigProblem::toString)
                .anyMatch(e -> e.contains("router.failover_primary") && e.contains("rest") && e.contains("api"));
    }
}
