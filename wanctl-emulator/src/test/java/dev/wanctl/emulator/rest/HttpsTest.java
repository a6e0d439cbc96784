package dev.wanctl.emulator.rest;

import dev.wanctl.emulator.RouterEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** REST over HTTPS with the self-signed certificate, trusted by its PEM and checked by its fingerprint. */
class HttpsTest {

    private RouterEmulator router;

    @BeforeEach
    void start() {
        router = RouterEmulator.builder().restPort(-1).sshPort(-1).start();
    }

    @AfterEach
    void stop() {
        router.close();
    }

    @Test
    void clientTrustingThePemReachesRestAndSeesTheAdvertisedFingerprint() throws Exception {
        Rest rest = new Rest(HttpClient.newBuilder().sslContext(trusting(router.certificatePem())).build(),
                router.restTlsBaseUrl(), router.user(), router.password());

        HttpResponse<String> r = rest.get("/system/resource");

        assertThat(r.statusCode()).isEqualTo(200);
        Certificate served = r.sslSession().orElseThrow().getPeerCertificates()[0];
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(served.getEncoded()));
        assertThat(router.certificateSha256()).isEqualTo(sha256).hasSize(64).matches("[0-9a-f]+");
        assertThat(router.certificate().getSubjectAlternativeNames())
                .extracting(l -> (Object) l.get(1)).contains("localhost", "127.0.0.1");
    }

    @Test
    void clientThatDoesNotTrustTheCertificateRefusesIt() throws Exception {
        RouterEmulator other = RouterEmulator.builder().restPort(-1).sshPort(-1).build();
        other.start();
        String otherPem = other.certificatePem();
        other.close();
        Rest rest = new Rest(HttpClient.newBuilder().sslContext(trusting(otherPem)).build(), router.restTlsBaseUrl(),
                router.user(), router.password());

        assertThatThrownBy(() -> rest.get("/system/resource")).isInstanceOf(SSLHandshakeException.class);
    }

    private static SSLContext trusting(String pem) throws Exception {
        Certificate cert = CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        ks.setCertificateEntry("router", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
