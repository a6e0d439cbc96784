package dev.wanctl.emulator.cli;

import dev.wanctl.emulator.RouterEmulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.IOUtils;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/** One persistent sshj connection to the emulator, checking its host key against its known_hosts line. */
public final class SshExec implements AutoCloseable {

    private final SSHClient ssh = new SSHClient();

    public SshExec(RouterEmulator router, Path tempDir) throws IOException {
        this(router, tempDir, router.user(), router.password());
    }

    public SshExec(RouterEmulator router, Path tempDir, String user, String password) throws IOException {
        Path knownHosts = Files.writeString(Files.createTempFile(tempDir, "known_hosts", ""), router.knownHostsLine() + "\n");
        ssh.addHostKeyVerifier(new OpenSSHKnownHosts(knownHosts.toFile()));
        ssh.setConnectTimeout(5000);
        ssh.setTimeout(10_000);
        ssh.connect(RouterEmulator.HOST, router.sshPort());
        ssh.getSocket().setTcpNoDelay(true);
        ssh.authPassword(user, password);
    }

    public SSHClient client() {
        return ssh;
    }

    /** Runs one exec channel and returns its stdout. */
    public String exec(String command) throws IOException {
        try (Session s = ssh.startSession()) {
            Session.Command c = s.exec(command);
            String out = IOUtils.readFully(c.getInputStream()).toString(StandardCharsets.UTF_8);
            c.join(10, TimeUnit.SECONDS);
            return out;
        }
    }

    @Override
    public void close() throws IOException {
        ssh.close();
    }
}
