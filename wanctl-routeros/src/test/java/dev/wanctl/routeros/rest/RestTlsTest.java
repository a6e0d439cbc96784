package dev.wanctl.routeros.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.core.config.Secret;
import dev.wanctl.routeros.RouterException;
import dev.wanctl.routeros.tls.CertificateFingerprint;
import dev.wanctl.routeros.RouterException.Kind;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class RestTlsTest {

    private static final String RESOURCE =
            "{\"uptime\":\"1h\",\"version\":\"7.16.2 (stable)\",\"cpu-load\":\"1\",\"board-name\":\"CHR\"}";

    private static HeldCertificate routerCert;
    private static String routerFingerprint;

    private MockWebServer server;

    @BeforeAll
    static void makeCertificate() {
        routerCert = new HeldCertificate.Builder()
                .commonName("router.lan")
                .addSubjectAlternativeName("127.0.0.1")
                .addSubjectAlternativeName("localhost")
                .build();
        routerFingerprint = CertificateFingerprint.sha256Hex(routerCert.certificate());
    }

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(routerCert).build().sslSocketFactory());
        server.start(InetAddress.getLoopbackAddress(), 0);
        server.enqueue(new MockResponse.Builder().code(200).body(RESOURCE).build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RouterConfig https(boolean verify, Path caFile, String pin) {
        return new RouterConfig(RouterConfig.Transport.REST, "127.0.0.1", "wanctl", Secret.of("pw"), null,
                server.getPort(), RouterConfig.Scheme.HTTPS, 22, verify, caFile, pin, null, Duration.ofSeconds(2),
                Duration.ofSeconds(2));
    }

    @Test
    void aPinnedFingerprintIsAcceptedInEitherSpelling() throws Exception {
        try (RestRouterClient client = new RestRouterClient(https(true, null, routerFingerprint))) {
            assertThat(client.readSystem().boardName()).isEqualTo("CHR");
        }
        server.enqueue(new MockResponse.Builder().code(200).body(RESOURCE).build());
        try (RestRouterClient client =
                new RestRouterClient(https(true, null, CertificateFingerprint.colonHex(routerFingerprint)))) {
            assertThat(client.readSystem().boardName()).isEqualTo("CHR");
        }
    }

    @Test
    void aWrongPinIsRefusedShowingThePresentedFingerprint() {
        String wrong = "00".repeat(32);
        try (RestRouterClient client = new RestRouterClient(https(true, null, wrong))) {
            assertThatThrownBy(client::readSystem)
                    .satisfies(e -> assertThat(((RouterException) e).kind()).isEqualTo(Kind.AUTHENTICATION))
                    .hasMessageContaining(routerFingerprint)
                    .hasMessageContaining("not the pinned");
        }
    }

    @Test
    void anUntrustedCertificateIsRefusedByDefault() {
        try (RestRouterClient client = new RestRouterClient(https(true, null, null))) {
            assertThatThrownBy(client::readSystem)
                    .satisfies(e -> assertThat(((RouterException) e).kind()).isEqualTo(Kind.AUTHENTICATION))
                    .hasMessageContaining("the system trust store does not trust")
                    .hasMessageContaining(routerFingerprint);
        }
    }

    @Test
    void aCaFileIsTheOnlyTrustAnchorWhenSet(@TempDir Path dir) throws Exception {
        Path ca = Files.writeString(dir.resolve("router.pem"), routerCert.certificatePem());
        try (RestRouterClient client = new RestRouterClient(https(true, ca, null))) {
            assertThat(client.readSystem().version()).isEqualTo("7.16.2 (stable)");
        }
        HeldCertificate other = new HeldCertificate.Builder().commonName("other").build();
        Path otherCa = Files.writeString(dir.resolve("other.pem"), other.certificatePem());
        server.enqueue(new MockResponse.Builder().code(200).body(RESOURCE).build());
        try (RestRouterClient client = new RestRouterClient(https(true, otherCa, null))) {
            assertThatThrownBy(client::readSystem)
                    .satisfies(e -> assertThat(((RouterException) e).kind()).isEqualTo(Kind.AUTHENTICATION))
                    .hasMessageContaining("router.ca_file");
        }
    }

    @Test
    void anUnreadableCaFileIsAConfigurationError(@TempDir Path dir) {
        assertThatThrownBy(() -> new RestRouterClient(https(true, dir.resolve("missing.pem"), null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("router.ca_file");
    }

    @Test
    void aMalformedPinIsAConfigurationError() {
        assertThatThrownBy(() -> new RestRouterClient(https(true, null, "abc")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("router.cert_fingerprint");
    }

    @Test
    void verificationOffWorksButWarnsEveryTimeAClientIsBuilt() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(dev.wanctl.routeros.tls.RouterTrust.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        log.addAppender(events);
        try {
            try (RestRouterClient client = new RestRouterClient(https(false, null, null))) {
                assertThat(client.readSystem().boardName()).isEqualTo("CHR");
            }
            new RestRouterClient(https(false, null, null)).close();

            assertThat(events.list)
                    .filteredOn(e -> e.getLevel() == Level.WARN)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .filteredOn(m -> m.contains("TLS certificate verification is OFF for router 127.0.0.1"))
                    .hasSize(2);
        } finally {
            log.detachAppender(events);
        }
    }
}
