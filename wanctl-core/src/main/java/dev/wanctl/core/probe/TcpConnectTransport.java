package dev.wanctl.core.probe;

import dev.wanctl.core.runtime.Clock;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RTT as the time a non-blocking TCP connect takes to be answered: a SYN-ACK, or a RST (a refused
 * connection proves the host answered just as well). Used when ICMP is not allowed. Each
 * connection is closed with an RST (linger 0) right after, leaving no TIME_WAIT behind.
 */
final class TcpConnectTransport implements EchoTransport {

    private record Pending(SocketChannel channel, int slot, int generation, int seq, long sentNanos,
            long answeredNanos) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(TcpConnectTransport.class);

    private final Clock clock;
    private final long timeoutNanos;
    private final Selector selector;
    private final ConcurrentLinkedQueue<Pending> started = new ConcurrentLinkedQueue<>();
    private boolean sendFailing;

    TcpConnectTransport(Clock clock, long timeoutNanos) throws IOException {
        this.clock = clock;
        this.timeoutNanos = timeoutNanos;
        this.selector = Selector.open();
    }

    @Override
    public ProbeMethod method() {
        return ProbeMethod.TCP_CONNECT;
    }

    @Override
    public boolean supports(InetAddress address) {
        return true;
    }

    @Override
    public void send(int slot, Target target, int seq) {
        SocketChannel ch = null;
        try {
            ch = SocketChannel.open();
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.SO_LINGER, 0);
            long sent = clock.nanoTime();
            boolean done = ch.connect(new InetSocketAddress(target.address(), target.port()));
            started.add(new Pending(ch, slot, target.generation(), seq, sent, done ? clock.nanoTime() : -1));
            selector.wakeup();
            sendFailing = false;
        } catch (ConnectException e) {
            answeredAtOnce(ch, slot, target, seq);
        } catch (IOException e) {
            closeQuietly(ch);
            if (!sendFailing) {
                sendFailing = true;
                LOG.warn("TCP connect to {} failed at once: {} (counted as lost)", target.name(), e.toString());
            }
        }
    }

    private void answeredAtOnce(SocketChannel ch, int slot, Target target, int seq) {
        long now = clock.nanoTime();
        started.add(new Pending(ch, slot, target.generation(), seq, now, now));
        selector.wakeup();
    }

    @Override
    public void receive(int timeoutMillis, ReplySink sink) {
        try {
            for (Pending p; (p = started.poll()) != null; ) {
                if (p.answeredNanos() >= 0) {
                    closeQuietly(p.channel());
                    sink.reply(p.slot(), p.generation(), p.seq(), p.answeredNanos());
                } else {
                    p.channel().register(selector, SelectionKey.OP_CONNECT, p);
                }
            }
            selector.select(timeoutMillis);
            long now = clock.nanoTime();
            for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                SelectionKey key = it.next();
                it.remove();
                Pending p = (Pending) key.attachment();
                if (finished(p.channel())) {
                    sink.reply(p.slot(), p.generation(), p.seq(), now);
                }
                key.cancel();
                closeQuietly(p.channel());
            }
            expire(now);
        } catch (IOException e) {
            LOG.debug("TCP probe select: {}", e.toString());
        }
    }

    /** True when the host answered: connected, or actively refused. */
    private static boolean finished(SocketChannel ch) {
        try {
            return ch.finishConnect();
        } catch (ConnectException e) {
            return e.getMessage() != null && e.getMessage().contains("refused");
        } catch (IOException e) {
            return false;
        }
    }

    private void expire(long now) {
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof Pending p && now - p.sentNanos() > timeoutNanos) {
                key.cancel();
                closeQuietly(p.channel());
            }
        }
    }

    private static void closeQuietly(SocketChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing to do: the probe goes on
            }
        }
    }

    @Override
    public void close() {
        for (Pending p; (p = started.poll()) != null; ) {
            closeQuietly(p.channel());
        }
        for (SelectionKey key : selector.keys()) {
            closeQuietly((SocketChannel) key.channel());
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
