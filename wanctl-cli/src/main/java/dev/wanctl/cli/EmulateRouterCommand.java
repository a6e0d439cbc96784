package dev.wanctl.cli;

import dev.wanctl.emulator.cli.CliLayout;
import dev.wanctl.emulator.RouterEmulator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wanctl emulate-router}: runs the RouterOS emulator on 127.0.0.1 so that users without a
 * router (and developers) can point a daemon or {@code wanctl router check} at it. Prints how to
 * reach it, including a {@code router:} block to paste into a config, and runs until SIGINT/SIGTERM.
 */
@Command(
        name = "emulate-router",
        mixinStandardHelpOptions = true,
        description = {
            "Run an emulated RouterOS 7 router (REST over HTTP and HTTPS, SSH console, the RouterOS API plain"
                    + " and TLS) on 127.0.0.1.",
            "Prints ports, credentials, the certificate fingerprint, a known_hosts line and a router: block "
                    + "for a wanctl config; runs until interrupted (Ctrl-C or SIGTERM).",
            "Counts every request it receives, per transport (REST, SSH, API) and kind (read, write): GET "
                    + "/wanctl/requests on a REST port answers the counts so far as JSON (no credentials, not "
                    + "counted itself), and a summary is printed on exit.",
            "Exit codes: 0 stopped by a signal, 1 a port could not be opened, 78 the fixture is unreadable or invalid."
        })
final class EmulateRouterCommand implements Callable<Integer> {

    /** The project's exit code for an invalid configuration (a fixture is one). */
    static final int EXIT_BAD_FIXTURE = 78;

    @Option(names = "--fixture", paramLabel = "FILE",
            description = "Router fixture (YAML); default: the bundled one matching configs/*.yaml.")
    Path fixture;

    @Option(names = "--rest-port", paramLabel = "N", defaultValue = "0",
            description = "Plain HTTP REST port; 0 = any free port, -1 = none (default: ${DEFAULT-VALUE}).")
    int restPort;

    @Option(names = "--rest-tls-port", paramLabel = "N", defaultValue = "0",
            description = "HTTPS REST port; 0 = any free port, -1 = none (default: ${DEFAULT-VALUE}).")
    int restTlsPort;

    @Option(names = "--ssh-port", paramLabel = "N", defaultValue = "0",
            description = "SSH port; 0 = any free port, -1 = none (default: ${DEFAULT-VALUE}).")
    int sshPort;

    @Option(names = "--api-port", paramLabel = "N", defaultValue = "0",
            description = "Plain RouterOS API port (8728 on a router); 0 = any free port, -1 = none"
                    + " (default: ${DEFAULT-VALUE}).")
    int apiPort;

    @Option(names = "--api-tls-port", paramLabel = "N", defaultValue = "0",
            description = "RouterOS API-over-TLS port (api-ssl, 8729 on a router; the HTTPS certificate); 0 = any"
                    + " free port, -1 = none (default: ${DEFAULT-VALUE}).")
    int apiTlsPort;

    @Option(names = "--cli-layout", paramLabel = "old|new", defaultValue = "old",
            description = "Console output layout of older or newer RouterOS 7 builds (default: ${DEFAULT-VALUE}).")
    CliLayout cliLayout;

    @Option(names = "--host-key", paramLabel = "FILE",
            description = "SSH host key file, created if missing, so known_hosts stays valid across runs.")
    Path hostKey;

    @Option(names = "--known-hosts", paramLabel = "FILE",
            description = "Where to write the known_hosts line (default: a temporary file, deleted on exit).")
    Path knownHosts;

    @Override
    public Integer call() throws IOException, InterruptedException {
        quietServerLibraries();
        RouterEmulator router;
        try {
            RouterEmulator.Builder b = RouterEmulator.builder().restPort(restPort).restTlsPort(restTlsPort)
                    .sshPort(sshPort).apiPort(apiPort).apiTlsPort(apiTlsPort).cliLayout(cliLayout)
                    .hostKeyFile(hostKey);
            if (fixture != null) {
                b.fixture(fixture);
            }
            router = b.build();
        } catch (java.io.UncheckedIOException | IllegalArgumentException e) {
            System.err.println("wanctl emulate-router: " + e.getMessage()
                    + (e.getCause() != null && e instanceof java.io.UncheckedIOException ? ": " + e.getCause() : ""));
            return EXIT_BAD_FIXTURE;
        }
        try {
            router.start();
        } catch (java.io.UncheckedIOException e) {
            System.err.println("wanctl emulate-router: " + e.getMessage() + ": " + e.getCause().getMessage());
            return 1;
        }
        boolean tempKnownHosts = knownHosts == null && router.sshPort() > 0;
        Path knownHostsFile = null;
        if (router.sshPort() > 0) {
            knownHostsFile = tempKnownHosts ? Files.createTempFile("wanctl-emulator-known_hosts-", "") : knownHosts;
            Files.writeString(knownHostsFile, router.knownHostsLine() + "\n");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Path toDelete = tempKnownHosts ? knownHostsFile : null;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            router.close();
            System.out.print(exitSummary(router));
            System.out.flush();
            if (toDelete != null) {
                try {
                    Files.deleteIfExists(toDelete);
                } catch (IOException ignored) {
                    // A leftover temporary file is harmless.
                }
            }
            stopped.countDown();
        }, "emulator-shutdown"));
        print(System.out, router, knownHostsFile);
        stopped.await();
        return 0;
    }

    /**
     * MINA sshd logs every connection at INFO and DEBUG; this command's output is the banner, so
     * keep those libraries to warnings when logback is the logging backend.
     */
    private static void quietServerLibraries() {
        if (org.slf4j.LoggerFactory.getLogger("org.apache.sshd") instanceof ch.qos.logback.classic.Logger l) {
            l.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    static void print(PrintStream out, RouterEmulator router, Path knownHostsFile) {
        out.println("RouterOS emulator: " + router.state().identity() + ", " + router.state().boardName() + ", "
                + router.state().version() + ", console layout " + router.cliLayout().name().toLowerCase());
        if (router.restPort() > 0) {
            out.println("  REST   " + router.restBaseUrl());
        }
        if (router.restTlsPort() > 0) {
            out.println("  REST   " + router.restTlsBaseUrl());
        }
        if (router.apiPort() > 0) {
            out.println("  API    " + RouterEmulator.HOST + " port " + router.apiPort() + " (plain)");
        }
        if (router.apiTlsPort() > 0) {
            out.println("  API    " + RouterEmulator.HOST + " port " + router.apiTlsPort() + " (TLS, api-ssl)");
        }
        if (router.certificateSha256() != null) {
            out.println("  certificate SHA-256: " + router.certificateSha256());
        }
        if (router.sshPort() > 0) {
            out.println("  SSH    " + RouterEmulator.HOST + " port " + router.sshPort());
            out.println("  known_hosts: " + router.knownHostsLine());
            out.println("               (written to " + knownHostsFile + ")");
        }
        out.println("  user " + router.user() + ", password " + router.password());
        if (router.requestsUrl() != null) {
            out.println("  request counts: curl -s" + (router.restPort() > 0 ? "" : "k") + " " + router.requestsUrl());
        }
        out.println();
        out.println("Paste into a wanctl config:");
        out.print(routerBlock(router, knownHostsFile));
        out.println();
        out.println("Running until interrupted (Ctrl-C).");
        out.flush();
    }

    /** What is printed on exit: the requests received, per transport and kind. */
    static String exitSummary(RouterEmulator router) {
        return System.lineSeparator() + router.requests().snapshot().summary(router.requests().sinceNanos());
    }

    /** The {@code router:} section of a wanctl config that reaches this emulator. */
    static String routerBlock(RouterEmulator router, Path knownHostsFile) {
        boolean tls = router.restTlsPort() > 0;
        int restPort = tls ? router.restTlsPort() : router.restPort();
        StringBuilder sb = new StringBuilder("router:\n");
        sb.append("  transport: ").append(restPort > 0 ? (router.sshPort() > 0 ? "failover" : "rest") : "ssh").append('\n');
        sb.append("  host: ").append(RouterEmulator.HOST).append('\n');
        if (restPort > 0) {
            sb.append("  port: ").append(restPort).append('\n');
            sb.append("  scheme: ").append(tls ? "https" : "http").append('\n');
        }
        sb.append("  user: ").append(quote(router.user())).append('\n');
        sb.append("  password: ").append(quote(router.password())).append('\n');
        if (tls) {
            sb.append("  verify_ssl: true\n");
            sb.append("  cert_fingerprint: ").append(router.certificateSha256()).append('\n');
        }
        if (router.sshPort() > 0) {
            sb.append("  ssh_port: ").append(router.sshPort()).append('\n');
            sb.append("  known_hosts: ").append(quote(knownHostsFile.toString())).append('\n');
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
