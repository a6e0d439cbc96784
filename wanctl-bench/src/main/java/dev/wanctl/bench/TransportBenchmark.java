package dev.wanctl.bench;

import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.core.config.Secret;
import dev.wanctl.routeros.QueueStats;
import dev.wanctl.routeros.RouterClient;
import dev.wanctl.routeros.backends.RouterClients;
import dev.wanctl.routeros.RouterException;
import dev.wanctl.emulator.RouterEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One router call over each transport against the RouterOS emulator on loopback: REST on HTTPS
 * with a pinned certificate and a keep-alive connection, SSH on one persistent session, the
 * RouterOS API on one persistent connection, with TLS and the same pin ({@code api}, api-ssl) and
 * in plain text ({@code api-plain}). Measures
 * the client and the emulator together (same machine), so it shows the transports' own cost and
 * the difference between them, not a real router's. Throughput gives calls per second;
 * sample time gives p50 / p99 per call ({@code scripts/bench.sh Transport}).
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TransportBenchmark {

    private static final String QUEUE = "WAN-Download-Spectrum";

    @Param({"rest", "ssh", "api", "api-plain"})
    public String transport;

    private RouterEmulator router;
    private RouterClient client;
    private Path knownHosts;
    private long rateBps = 500_000_000L;

    @Setup
    public void start() throws IOException, RouterException {
        router = RouterEmulator.builder().start();
        knownHosts = Files.createTempFile("wanctl-bench-known_hosts", "");
        Files.writeString(knownHosts, router.knownHostsLine() + "\n");
        boolean plain = transport.equals("api-plain");
        RouterConfig.Transport t = plain ? RouterConfig.Transport.API
                : RouterConfig.Transport.named(transport);
        int port = t == RouterConfig.Transport.API ? (plain ? router.apiPort() : router.apiTlsPort())
                : router.restTlsPort();
        client = RouterClients.create(new RouterConfig(t, RouterEmulator.HOST, router.user(),
                Secret.of(router.password()), null, port, plain ? RouterConfig.Scheme.HTTP : RouterConfig.Scheme.HTTPS,
                router.sshPort(), true, null, plain ? null : router.certificateSha256(), knownHosts,
                Duration.ofSeconds(5), Duration.ofSeconds(5)));
        client.readQueueStats(QUEUE); // connect outside the measurement
    }

    @TearDown(Level.Iteration)
    public void forgetWrites() {
        router.state().clearWrites();
    }

    @TearDown
    public void stop() throws IOException {
        client.close();
        router.close();
        Files.deleteIfExists(knownHosts);
    }

    /** What steering does every cycle. */
    @Benchmark
    public QueueStats readQueueStats() throws RouterException {
        return client.readQueueStats(QUEUE);
    }

    /** What autorate's writer does when the rate changes (a changed value every call). */
    @Benchmark
    public void setMaxLimit() throws RouterException {
        rateBps = rateBps == 500_000_000L ? 499_000_000L : 500_000_000L;
        client.setMaxLimit(QUEUE, rateBps);
    }
}
