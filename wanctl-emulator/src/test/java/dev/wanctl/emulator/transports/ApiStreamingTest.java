package dev.wanctl.emulator.transports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.core.config.RouterConfig;
import dev.wanctl.emulator.model.Transport;
import dev.wanctl.routeros.QueueStats;
import dev.wanctl.routeros.backends.RouterClients;
import dev.wanctl.routeros.api.ApiRouterClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counters streamed over api-ssl: samples keep coming without a request each. */
class ApiStreamingTest {

    private static final String DL = "WAN-Download-Spectrum";
    private static final String UL = "WAN-Upload-Spectrum";
    private static final Duration INTERVAL = Duration.ofMillis(50);

    @TempDir
    Path dir;

    private EmulatedRouter emulated;
    private ApiRouterClient client;

    @BeforeEach
    void start() throws Exception {
        emulated = new EmulatedRouter(dir, dev.wanctl.emulator.cli.CliLayout.OLD);
        client = (ApiRouterClient) RouterClients.create(emulated.config(RouterConfig.Transport.API,
                Duration.ofSeconds(3), Duration.ofMillis(300)));
    }

    @AfterEach
    void stop() {
        client.close();
        emulated.close();
    }

    private QueueStats streamed(String name) {
        return client.streamQueueStats(List.of(DL, UL), name, INTERVAL, Duration.ofMillis(500));
    }

    private static <T> T await(Supplier<T> value, java.util.function.Predicate<T> ok) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        T v = value.get();
        while (v == null || !ok.test(v)) {
            assertThat(System.nanoTime()).as("in time").isLessThan(end);
            LockSupport.parkNanos(10_000_000L);
            v = value.get();
        }
        return v;
    }

    @Test
    void countersKeepArrivingWithoutARequestPerSample() {
        await(() -> streamed(DL), s -> true);
        await(() -> streamed(UL), s -> true);
        long requests = emulated.router.requests().total(Transport.API);

        for (int i = 1; i <= 5; i++) {
            long bytes = i * 1_000_000L;
            emulated.router.state().addTraffic(DL, 1_000_000L, 700L, 0L);
            await(() -> streamed(DL), s -> s.bytes() >= bytes);
        }

        assertThat(emulated.router.requests().total(Transport.API)).as("no request after the stream started")
                .isEqualTo(requests);
    }

    @Test
    void aLostConnectionRestartsTheStreamOnTheNextRead() {
        await(() -> streamed(DL), s -> true);
        emulated.router.faults().on(Transport.API).dropConnections(0);
        dev.wanctl.emulator.transports.RouterClientContract.bringUp(() -> {
            emulated.router.faults().on(Transport.API).down();
            emulated.router.faults().on(Transport.API).up();
        });
        emulated.router.state().addTraffic(DL, 5_000L, 5L, 0L);

        QueueStats s = await(() -> streamed(DL), x -> x.bytes() >= 5_000L);

        assertThat(s.name()).isEqualTo(DL);
    }

    @Test
    void anIdleTlsConnectionOutlastsTheRequestTimeout() throws Exception {
        client.readSystem();
        LockSupport.parkNanos(Duration.ofMillis(900).toNanos()); // three read time-outs pass on the idle socket

        assertThat(client.readQueueStats(DL).name()).isEqualTo(DL);
        assertThat(emulated.router.requests().total(Transport.API)).as("one login, two calls").isEqualTo(3);
    }
}
