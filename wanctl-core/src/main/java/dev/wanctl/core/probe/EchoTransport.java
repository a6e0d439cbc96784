package dev.wanctl.core.probe;

import java.net.InetAddress;

/** Sends echoes and delivers their replies; ICMP or TCP connect. One sender and one receiver thread. */
interface EchoTransport extends AutoCloseable {

    /** Receives the replies that {@link #receive} finds. */
    @FunctionalInterface
    interface ReplySink {
        void reply(int slot, int generation, int seq, long receivedAtNanos);
    }

    ProbeMethod method();

    /** Whether this transport can reach {@code address} (its address family is open). */
    boolean supports(InetAddress address);

    /** Sends one echo (sender thread). Failures become timeouts; they are not thrown. */
    void send(int slot, Target target, int seq);

    /** Waits up to {@code timeoutMillis} for replies and hands each to {@code sink} (receiver thread). */
    void receive(int timeoutMillis, ReplySink sink);

    /** Closes the sockets; called after both threads have ended. */
    @Override
    void close();
}
