package dev.wanctl.routeros.api;

import dev.wanctl.core.runtime.Clock;
import dev.wanctl.routeros.QueueStats;
import dev.wanctl.routeros.RouterException;
import dev.wanctl.routeros.RouterItems;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queue counters the router pushes: one {@code /queue/tree/print =interval=...} for the queues a
 * daemon reads, whose {@code !re} replies keep arriving on the client's connection without a request
 * per sample. The latest sample of each queue is kept with the time it arrived; a stream that ends
 * (connection lost, router refused) is started again by the next read.
 */
final class ApiCounterStream implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiCounterStream.class);

    private record Sample(QueueStats stats, long receivedNanos) {}

    private final ApiSession session;
    private final Clock clock;
    private final String router;
    private final Map<String, Sample> latest = new ConcurrentHashMap<>();
    private List<String> names = List.of(); // guarded by this
    private ApiConnection on; // guarded by this: the connection carrying the stream, null when none runs
    private String tag; // guarded by this

    ApiCounterStream(ApiSession session, Clock clock, String router) {
        this.session = session;
        this.clock = clock;
        this.router = router;
    }

    QueueStats latest(List<String> queues, String name, Duration interval, Duration maxAge) {
        synchronized (this) {
            if (on == null || !on.isOpen() || !names.equals(queues)) {
                restart(queues, interval);
            }
        }
        Sample s = latest.get(name);
        if (s == null || clock.nanoTime() - s.receivedNanos() > maxAge.toNanos()) {
            return null;
        }
        return s.stats();
    }

    private void restart(List<String> queues, Duration interval) {
        if (on != null && on.isOpen() && tag != null) {
            on.cancel(tag);
        }
        on = null;
        names = List.copyOf(queues);
        latest.keySet().retainAll(names);
        List<String> words = new ArrayList<>();
        words.add("=interval=" + Math.max(1, interval.toMillis()) + "ms");
        for (String n : names) {
            words.add("?name=" + n);
        }
        if (names.size() > 1) {
            words.add("?#" + "|".repeat(names.size() - 1));
        }
        words.add(ApiRouterClient.STATS_PROPLIST);
        ApiSentence print = ApiSentence.of(ApiRouterClient.QUEUE_TREE + "/print", words.toArray(String[]::new));
        try {
            ApiConnection c = session.connection(session.newDeadline());
            tag = c.start(print, new ApiExchange.Stream(new ApiExchange.Stream.Listener() {
                @Override
                public void item(Map<String, String> a) {
                    try {
                        QueueStats s = RouterItems.queueStats(f -> {
                            String v = a.get(f);
                            if (v == null) {
                                throw RouterException.protocol("router " + router + " (api): streamed item lacks ="
                                        + f + "=", a.toString());
                            }
                            return v;
                        });
                        latest.put(s.name(), new Sample(s, clock.nanoTime()));
                    } catch (RouterException e) {
                        LOG.warn("{}", e.getMessage());
                    }
                }

                @Override
                public void ended(ApiTrap trap, RouterException failure) {
                    if (trap != null && trap.category() != 2) {
                        LOG.warn("router {} (api): the counter stream was refused: {}", router, trap.message());
                    }
                    streamEnded(c);
                }
            }));
            on = c;
        } catch (RouterException e) {
            LOG.debug("router {} (api): counter stream not started: {}", router, e.getMessage());
        }
    }

    private synchronized void streamEnded(ApiConnection c) {
        if (on == c) {
            on = null;
        }
    }

    @Override
    public synchronized void close() {
        if (on != null && on.isOpen() && tag != null) {
            on.cancel(tag);
        }
        on = null;
    }
}
