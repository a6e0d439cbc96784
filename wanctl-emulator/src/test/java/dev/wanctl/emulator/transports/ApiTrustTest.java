package dev.wanctl.emulator.transports;

import static dev.wanctl.emulator.transports.RouterClientContract.assertKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.core.config.RouterConfig.Transport;
import dev.wanctl.core.config.Secret;
import dev.wanctl.emulator.cli.CliLayout;
import dev.wanctl.routeros.RouterClient;
import dev.wanctl.routeros.backends.RouterClients;
import dev.wanctl.routeros.RouterException.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** api-ssl is trusted exactly like REST: pinned, CA file, or refused by default. */
class ApiTrustTest {

    @TempDir
    Path dir;

    private EmulatedRouter emulated;

    @BeforeEach
    void start() throws Exception {
        emulated = new EmulatedRouter(dir, CliLayout.OLD);
    }

    @AfterEach
    void stop() {
        emulated.close();
    }

    private RouterConfig api(String pin, Path caFile) {
        RouterConfig c = emulated.config(Transport.API, Secret.of(emulated.router.password()), null, pin, null);
        return new RouterConfig(c.transport(), c.host(), c.user(), c.password(), null, c.restPort(), c.scheme(),
                c.sshPort(), true, caFile, pin, c.knownHosts(), c.connectTimeout(), c.requestTimeout());
    }

    @Test
    void thePinnedFingerprintIsAccepted() throws Exception {
        try (RouterClient c = RouterClients.create(api(emulated.router.certificateSha256(), null))) {
            assertThat(c.readSystem().boardName()).isEqualTo("RB5009UG+S+");
            assertThat(c.transport()).isEqualTo("api");
        }
    }

    @Test
    void aWrongPinIsRefusedShowingThePresentedFingerprint() {
        try (RouterClient c = RouterClients.create(api("ab".repeat(32), null))) {
            assertKind(c::readSystem, Kind.AUTHENTICATION).hasMessageContaining(emulated.router.certificateSha256());
        }
    }

    @Test
    void theRoutersSelfSignedCertificateIsRefusedByDefault() {
        try (RouterClient c = RouterClients.create(api(null, null))) {
            assertKind(c::readSystem, Kind.AUTHENTICATION).hasMessageContaining("does not trust");
        }
    }

    @Test
    void theRoutersCertificateAsCaFileIsAccepted() throws Exception {
        Path ca = Files.writeString(dir.resolve("router.pem"), emulated.router.certificatePem());
        try (RouterClient c = RouterClients.create(api(null, ca))) {
            assertThat(c.readSystem().version()).isEqualTo("7.16.2 (stable)");
        }
    }
}
