package dev.wanctl.routeros.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * SHA-256 of a certificate's DER encoding, in the form {@code router.cert_fingerprint} takes (64
 * lower-case hex digits) and the form {@code openssl x509 -fingerprint -sha256} prints
 * ({@code AB:CD:...}), so a user can compare what they see with what the router presents.
 */
public final class CertificateFingerprint {

    private CertificateFingerprint() {}

    public static String sha256Hex(X509Certificate cert) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a certificate", e);
        }
    }

    /** {@code ab:cd:..} or {@code ABCD..} to 64 lower-case hex digits; rejects anything else. */
    static String normalise(String configured) {
        String hex = configured.replace(":", "").replace(" ", "").trim().toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("router.cert_fingerprint must be the certificate's SHA-256 as 64 hex"
                    + " digits (colons allowed), got " + hex.length() + " characters");
        }
        return hex;
    }

    /** {@code AB:CD:...}, as openssl prints it. */
    public static String colonHex(String hex) {
        StringBuilder sb = new StringBuilder(hex.length() * 3 / 2);
        for (int i = 0; i < hex.length(); i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(hex, i, i + 2);
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }
}
