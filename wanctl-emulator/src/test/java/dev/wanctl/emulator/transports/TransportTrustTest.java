package dev.wanctl.emulator.transports;

import static dev.wanctl.emulator.transports.RouterClientContract.assertKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.core.config.RouterConfig.Transport;
import dev.wanctl.core.config.Secret;
import dev.wanctl.routeros.RouterClient;
import dev.wanctl.routeros.backends.RouterClients;
import dev.wanctl.routeros.RouterException.Kind;
import dev.wanctl.emulator.cli.CliLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secure by default: the emulator's self-signed certificate and host key are trusted only when configured. */
class TransportTrustTest {

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

    private RouterConfig rest(String pin, Path caFile) {
        RouterConfig c = emulated.config(Transport.REST, Secret.of(emulated.router.password()), null, pin, null);
        return new RouterConfig(c.transport(), c.host(), c.user(), c.password(), null, c.restPort(), c.scheme(),
                c.sshPort(), true, caFile, pin, c.knownHosts(), c.connectTimeout(), c.requestTimeout());
    }

    @Test
    void thePinnedFingerprintIsAccepted() throws Exception {
        try (RouterClient c = RouterClients.create(rest(emulated.router.certificateSha256(), null))) {
            assertThat(c.readSystem().boardName()).isEqualTo("RB5009UG+S+");
        }
    }

    @Test
    void aWrongPinIsRefusedShowingThePresentedFingerprint() {
        try (RouterClient c = RouterClients.create(rest("ab".repeat(32), null))) {
            assertKind(c::readSystem, Kind.AUTHENTICATION)
                    .hasMessageContaining(emulated.router.certificateSha256());
        }
    }

    @Test
    void theRoutersSelfSignedCertificateIsRefusedByDefault() {
        try (RouterClient c = RouterClients.create(rest(null, null))) {
            assertKind(c::readSystem, Kind.AUTHENTICATION)
                    .hasMessageContaining("does not trust")
                    .hasMessageContaining(emulated.router.certificateSha256());
        }
    }

    @Test
    void theRoutersCertificateAsCaFileIsAccepted() throws Exception {
        Path ca = Files.writeString(dir.resolve("router.pem"), emulated.router.certificatePem());
        try (RouterClient c = RouterClients.create(rest(null, ca))) {
            assertThat(c.readSystem().version()).isEqualTo("7.16.2 (stable)");
        }
    }

    @Test
    void anUnknownSshHostKeyIsRefusedByDefaultNamingFileAndFingerprint() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty_known_hosts"), "");
        RouterConfig ssh = emulated.config(Transport.SSH, Secret.empty(), emulated.sshKey, null, empty);
        try (RouterClient c = RouterClients.create(ssh)) {
            assertKind(c::readSystem, Kind.AUTHENTICATION)
                    .hasMessageContaining(empty.toString())
                    .hasMessageContaining("is not in")
                    .hasMessageMatching("(?s).*SHA256:[A-Za-z0-9+/]{43}.*");
        }
        assertThat(emulated.router.state().writes()).isEmpty();
    }

    @Test
    void aChangedSshHostKeyIsRefused() throws Exception {
        String[] line = emulated.router.knownHostsLine().split(" ");
        try (EmulatedRouter other = new EmulatedRouter(Files.createDirectory(dir.resolve("other")), CliLayout.OLD)) {
            String otherKey = other.router.knownHostsLine().split(" ", 2)[1];
            Path changed = Files.writeString(dir.resolve("changed_known_hosts"), line[0] + " " + otherKey + "\n");
            RouterConfig ssh = emulated.config(Transport.SSH, Secret.empty(), emulated.sshKey, null, changed);
            try (RouterClient c = RouterClients.create(ssh)) {
                assertKind(c::readSystem, Kind.AUTHENTICATION)
                        .hasMessageContaining("does not match the key for it in " + changed);
            }
        }
    }

    @Test
    void aMissingKnownHostsFileRefusesTheHostKey() {
        Path missing = dir.resolve("no_such_known_hosts");
        RouterConfig ssh = emulated.config(Transport.SSH, Secret.empty(), emulated.sshKey, null, missing);
        try (RouterClient c = RouterClients.create(ssh)) {
            assertKind(c::readSystem, Kind.AUTHENTICATION).hasMessageContaining(missing.toString());
        }
    }
}
