package dev.wanctl.emulator.faults;

import dev.wanctl.emulator.model.Transport;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Faults of one or more transports, chained: {@code faults.on(REST, SSH).latency(ms(30)).serverErrors(2)}.
 * Counted faults apply to the next N calls; "until cleared" ones last until {@link #clear()}.
 * Per call the order is: latency, time-out, dropped connection, credentials, server error.
 */
public final class TransportFaults {

    private final Faults faults;
    private final Set<Transport> transports;
    private final List<FaultState> states;

    TransportFaults(Faults faults, Set<Transport> transports) {
        this.faults = faults;
        this.transports = transports;
        this.states = transports.stream().map(faults::state).toList();
    }

    /** Every call waits this long before it is handled (the in-process client ignores it: virtual time). */
    public TransportFaults latency(Duration d) {
        states.forEach(s -> s.latencyNanos = d.toNanos());
        return this;
    }

    /** The next {@code n} calls fail with HTTP 500 (SSH: a {@code failure:} line; in-process: ROUTER_ERROR). */
    public TransportFaults serverErrors(int n) {
        return serverErrors(n, 500);
    }

    /** The next {@code n} calls fail with this 5xx status. */
    public TransportFaults serverErrors(int n, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("not a 5xx status: " + status);
        }
        states.forEach(s -> {
            s.serverErrorStatus = status;
            s.serverErrors(n);
        });
        return this;
    }

    /** Every call fails with HTTP 500 until {@link #clear()}. */
    public TransportFaults serverErrorsUntilCleared() {
        return serverErrors(FaultState.FOREVER, 500);
    }

    /**
     * Credentials are rejected until {@link #clear()}: REST answers 401, SSH refuses logins and
     * closes open sessions (as when an administrator changes the password and kicks the user).
     */
    public TransportFaults rejectCredentials() {
        states.forEach(s -> s.rejectCredentials = true);
        transports.forEach(faults::closeSessions);
        return this;
    }

    /**
     * Every SSH console reply passes through {@code rewrite} until {@link #clear()} (garbled,
     * truncated, huge or re-laid-out output, for bad-reply fuzzing).
     */
    public TransportFaults rewriteConsoleOutput(java.util.function.UnaryOperator<String> rewrite) {
        states.forEach(s -> s.outputRewrite = rewrite);
        return this;
    }

    /** The next {@code n} calls have their connection closed without a reply. */
    public TransportFaults dropConnections(int n) {
        states.forEach(s -> s.drops(n));
        return this;
    }

    /** Every call has its connection closed without a reply until {@link #clear()}. */
    public TransportFaults dropConnectionsUntilCleared() {
        return dropConnections(FaultState.FOREVER);
    }

    /** The next {@code n} calls are accepted and never answered (released by clear, down or close). */
    public TransportFaults timeouts(int n) {
        states.forEach(s -> s.hangs(n));
        return this;
    }

    /** Every call is accepted and never answered until {@link #clear()}. */
    public TransportFaults timeoutsUntilCleared() {
        return timeouts(FaultState.FOREVER);
    }

    /** Stops the listeners (open connections are closed); the in-process client finds the router unreachable. */
    public TransportFaults down() {
        states.forEach(s -> {
            s.down = true;
            s.gate.open();
        });
        faults.applyListeners();
        return this;
    }

    /** Starts the listeners again on the same ports. */
    public TransportFaults up() {
        states.forEach(s -> s.down = false);
        faults.applyListeners();
        return this;
    }

    /** Clears latency, errors, rejected credentials, drops and time-outs (not {@link #down()}); hung calls end. */
    public TransportFaults clear() {
        states.forEach(FaultState::clear);
        return this;
    }
}
