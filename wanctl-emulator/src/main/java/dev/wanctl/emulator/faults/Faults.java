package dev.wanctl.emulator.faults;

import dev.wanctl.emulator.model.RouterState;
import dev.wanctl.emulator.model.Transport;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Fault injection for tests and scenarios: per-transport faults through {@link #on} (latency,
 * 5xx, rejected credentials, dropped connections, time-outs, transport down), and router-wide
 * events here (ids renumbered, a rule or queue deleted, a reboot).
 */
public final class Faults {

    /** Starts and stops a transport's listener on its port; the emulator provides it. */
    public interface Listeners {
        void setRunning(Transport transport, boolean running);

        /** Closes the open sessions of a transport (SSH, API), e.g. when its credentials stop working. */
        void closeSessions(Transport transport);
    }

    private static final Listeners NONE = new Listeners() {
        @Override
        public void setRunning(Transport transport, boolean running) {}

        @Override
        public void closeSessions(Transport transport) {}
    };

    private final RouterState state;
    private final Map<Transport, FaultState> states = new EnumMap<>(Transport.class);
    private volatile Listeners listeners = NONE;
    private long rebootUntilNanos = -1;

    public Faults(RouterState state) {
        this.state = state;
        for (Transport t : Transport.values()) {
            states.put(t, new FaultState());
        }
    }

    public void listeners(Listeners l) {
        this.listeners = l;
    }

    public FaultState state(Transport t) {
        return states.get(t);
    }

    /** Whether calls over {@code t} find the router unreachable right now. */
    public boolean unreachable(Transport t) {
        tick();
        synchronized (this) {
            return states.get(t).down || rebootUntilNanos >= 0;
        }
    }

    /** The faults of one or more transports, e.g. {@code on(Transport.REST).serverErrors(3)}. */
    public TransportFaults on(Transport first, Transport... more) {
        Set<Transport> set = EnumSet.of(first, more);
        return new TransportFaults(this, set);
    }

    /** The faults of REST, SSH, the API and the in-process client together. */
    public TransportFaults everywhere() {
        return on(Transport.REST, Transport.SSH, Transport.API, Transport.IN_PROCESS);
    }

    /** Every id changes, as after a configuration restore: cached ids now get 404 / no such item. */
    public void renumberIds() {
        state.renumberIds();
    }

    /** Deletes every mangle rule with this comment; false if there was none. */
    public boolean deleteRule(String comment) {
        return state.deleteRule(comment);
    }

    /** Deletes the queue-tree item with this name; false if there was none. */
    public boolean deleteQueue(String name) {
        return state.deleteQueue(name);
    }

    /** Someone renames a queue-tree item (Winbox): the config's name now finds nothing, the id still answers. */
    public boolean renameQueue(String from, String to) {
        return state.renameQueue(from, to);
    }

    /** Two queue-tree items trade names (ids and everything else stay): a cached id now names the other queue. */
    public boolean swapQueueNames(String a, String b) {
        return state.swapQueueNames(a, b);
    }

    /**
     * Someone else (a script, Winbox) sets a queue's max-limit; not recorded as a write of the
     * daemon's, so a test tells the daemon's corrections from the change.
     */
    public boolean changeMaxLimit(String queue, long maxLimitBps) {
        return state.changeMaxLimit(queue, maxLimitBps);
    }

    /** {@link #reboot(Duration, boolean)} keeping the ids. */
    public void reboot(Duration downtime) {
        reboot(downtime, false);
    }

    /**
     * Reboots the router: REST, SSH and the API stop listening and the in-process client finds it
     * unreachable for {@code downtime} on the emulator's clock; counters, backlog and uptime start
     * from 0; with {@code renumberIds} every id changes too. The listeners come back on the same
     * ports once the downtime has passed (checked every few milliseconds while the emulator runs,
     * and at every in-process call), or at once with {@link #finishReboot()}.
     */
    public void reboot(Duration downtime, boolean renumberIds) {
        synchronized (this) {
            long until = state.clock().nanoTime() + Math.max(0, downtime.toNanos());
            rebootUntilNanos = until;
            state.rebooted(until, renumberIds);
            states.values().forEach(s -> s.gate.open());
        }
        applyListeners();
        tick();
    }

    /** Whether a reboot is still in progress. */
    public boolean rebooting() {
        tick();
        synchronized (this) {
            return rebootUntilNanos >= 0;
        }
    }

    /** Ends a reboot now: the transports come back up, uptime starts now. */
    public void finishReboot() {
        synchronized (this) {
            if (rebootUntilNanos < 0) {
                return;
            }
            rebootUntilNanos = -1;
            state.rebooted(state.clock().nanoTime(), false);
        }
        applyListeners();
    }

    /** Clears every per-transport fault, brings every transport up and ends a reboot. */
    public void clearAll() {
        everywhere().clear().up();
        finishReboot();
    }

    /** Brings the transports back when a reboot's downtime has passed. */
    public void tick() {
        synchronized (this) {
            if (rebootUntilNanos < 0 || state.clock().nanoTime() < rebootUntilNanos) {
                return;
            }
            rebootUntilNanos = -1;
        }
        applyListeners();
    }

    void closeSessions(Transport t) {
        listeners.closeSessions(t);
    }

    public void applyListeners() {
        for (Transport t : new Transport[] {Transport.REST, Transport.SSH, Transport.API}) {
            boolean running;
            synchronized (this) {
                running = !states.get(t).down && rebootUntilNanos < 0;
            }
            listeners.setRunning(t, running);
        }
    }
}
