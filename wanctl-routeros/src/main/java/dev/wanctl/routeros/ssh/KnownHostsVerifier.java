package dev.wanctl.routeros.ssh;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/**
 * Accepts the router's host key only when the known_hosts file lists it, and remembers why it
 * refused one (unknown or changed, with the presented key's SHA-256 fingerprint as
 * {@code ssh-keygen -l} prints it) so the error tells the user what to check and where to add it.
 * One instance per connection attempt: the file is read afresh each time.
 */
final class KnownHostsVerifier implements HostKeyVerifier {

    private final OpenSSHKnownHosts known;
    private volatile String refusal;

    KnownHostsVerifier(Path file) throws IOException {
        this.known = new OpenSSHKnownHosts(file.toFile()) {
            @Override
            protected boolean hostKeyUnverifiableAction(String host, PublicKey key) {
                refusal = "the SSH host key of " + host + " (" + describe(key) + ") is not in " + file
                        + "; check that fingerprint against the router's host key (docs/TRANSPORTS.md) and add"
                        + " the key, e.g. ssh-keyscan " + keyscanTarget(host) + " >> " + file;
                return false;
            }

            @Override
            protected boolean hostKeyChangedAction(String host, PublicKey key) {
                refusal = "the SSH host key of " + host + " (" + describe(key) + ") does not match the key for it in "
                        + file + ": the router was reinstalled or someone is intercepting the connection; if the"
                        + " change is expected, replace that line";
                return false;
            }
        };
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        return known.verify(hostname, port, key);
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        return known.findExistingAlgorithms(hostname, port);
    }

    /** Why the last host key was refused, or null when none was. */
    String refusal() {
        return refusal;
    }

    /** {@code ssh-ed25519 key SHA256:...}, the form {@code ssh-keygen -lf} and OpenSSH print. */
    static String describe(PublicKey key) {
        byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return KeyType.fromKey(key) + " key SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String keyscanTarget(String host) {
        // sshj names a non-standard port as [host]:port
        if (host.startsWith("[") && host.contains("]:")) {
            int close = host.indexOf("]:");
            return "-p " + host.substring(close + 2) + " " + host.substring(1, close);
        }
        return host;
    }
}
