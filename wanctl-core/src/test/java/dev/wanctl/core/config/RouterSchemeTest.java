package dev.wanctl.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A pinned certificate or CA file asks for TLS: on a port other than 443 it must not silently mean
 * plain HTTP, which would send the router password unencrypted.
 */
class RouterSchemeTest {

    private static final String FINGERPRINT = "3a".repeat(32);

    /** configs/spectrum.yaml with its {@code port: 443} line replaced by {@code lines}. */
    private static Loaded<AutorateConfig> spectrumWith(String lines) throws IOException {
        String yaml = Files.readString(Path.of("..", "configs", "spectrum.yaml"));
        assertThat(yaml).containsPattern("(?m)^  port: 443");
        return ConfigLoader.parseAutorate(yaml.replaceFirst("(?m)^  port: 443[^\n]*", lines), Path.of("x.yaml"),
                ReferenceConfigsTest.ENV);
    }

    @Test
    void aPinnedFingerprintOnAnotherPortMeansHttps() throws IOException {
        Loaded<AutorateConfig> l = spectrumWith("  port: 8443\n  cert_fingerprint: \"" + FINGERPRINT + "\"");
        assertThat(l.errors()).isEmpty();
        assertThat(l.config().router().scheme()).isEqualTo(RouterConfig.Scheme.HTTPS);
        assertThat(l.warnings()).noneMatch(w -> w.toString().contains("plain HTTP"));
    }

    @Test
    void aCaFileOnAnotherPortMeansHttps() throws IOException {
        Loaded<AutorateConfig> l = spectrumWith("  port: 8443\n  ca_file: /etc/wanctl/router-ca.pem");
        assertThat(l.errors()).isEmpty();
        assertThat(l.config().router().scheme()).isEqualTo(RouterConfig.Scheme.HTTPS);
    }

    @Test
    void plainHttpWithAPinIsRefusedNamingTheKey() throws IOException {
        Loaded<AutorateConfig> l = spectrumWith(
                "  port: 8080\n  scheme: http\n  cert_fingerprint: \"" + FINGERPRINT + "\"");
        assertThat(l.ok()).isFalse();
        assertThat(l.errors()).singleElement().asString()
                .contains("router.scheme", "cert_fingerprint", "set router.scheme: https");
    }

    @Test
    void anotherPortWithoutAnyTrustSettingStaysPlainHttpAndWarns() throws IOException {
        Loaded<AutorateConfig> l = spectrumWith("  port: 8080");
        assertThat(l.config().router().scheme()).isEqualTo(RouterConfig.Scheme.HTTP);
        assertThat(l.warnings()).anyMatch(w -> w.toString().contains("plain HTTP"));
    }
}
