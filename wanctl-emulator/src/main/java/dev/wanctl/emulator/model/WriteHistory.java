package dev.wanctl.emulator.model;

import dev.wanctl.core.runtime.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Every configuration write the emulated router took, oldest first, for tests to read what daemons
 * wrote; the oldest are dropped beyond {@link #MAX_HISTORY}, so a long simulation cannot exhaust
 * memory. Under the router's one lock.
 */
final class WriteHistory {

    /** Oldest write records are dropped beyond this. */
    static final int MAX_HISTORY = 200_000;

    private final Object lock;
    private final Clock clock;
    private final List<WriteRecord> history = new ArrayList<>(); // guarded by lock

    WriteHistory(Object lock, Clock clock) {
        this.lock = lock;
        this.clock = clock;
    }

    List<WriteRecord> writes() {
        synchronized (lock) {
            return List.copyOf(history);
        }
    }

    List<WriteRecord> maxLimitWrites(String queueName) {
        return writes().stream().filter(w -> w.isMaxLimit() && w.item().equals(queueName)).toList();
    }

    List<WriteRecord> ruleToggles(String comment) {
        return writes().stream().filter(w -> w.isRuleToggle() && w.item().equals(comment)).toList();
    }

    void clear() {
        synchronized (lock) {
            history.clear();
        }
    }

    /** One write to {@code prop} of item {@code r} of {@code menu} (the caller holds the lock). */
    void record(String menu, Row r, String prop, String old, String value, Transport via) {
        String item = r.get("name") != null ? r.get("name") : r.get("comment") != null ? r.get("comment") : r.idText();
        if (history.size() >= MAX_HISTORY) {
            history.removeFirst();
        }
        history.add(new WriteRecord(clock.nanoTime(), clock.wallMillis(), via, menu, r.idText(), item, prop, old, value));
    }
}
