package dev.wanctl.emulator.model;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The emulated router's queue tree as the simulator and tests see it: snapshots of its items, the
 * counters the simulator drives (traffic, backlog, rate), and the changes an operator or a fault
 * makes (delete, rename, swap, another max-limit). Under the router's one lock.
 */
final class QueueMenu {

    private final Object lock;
    private final MenuTable tree;

    QueueMenu(Object lock, MenuTable tree) {
        this.lock = lock;
        this.tree = tree;
    }

    Optional<QueueSnapshot> queue(String name) {
        synchronized (lock) {
            Row r = tree.byName(name);
            return r == null ? Optional.empty() : Optional.of(snapshot(r));
        }
    }

    List<QueueSnapshot> queues() {
        synchronized (lock) {
            return tree.rows().stream().map(QueueMenu::snapshot).toList();
        }
    }

    long maxLimitBps(String queueName) {
        return queue(queueName).orElseThrow(() -> new NoSuchElementException("no queue " + queueName)).maxLimitBps();
    }

    boolean addTraffic(String queueName, long bytes, long packets, long dropped) {
        if (bytes < 0 || packets < 0 || dropped < 0) {
            throw new IllegalArgumentException("traffic cannot be negative: " + bytes + "/" + packets + "/" + dropped);
        }
        return withCounters(queueName, c -> c.add(bytes, packets, dropped));
    }

    boolean setBacklog(String queueName, long queuedBytes, long queuedPackets) {
        return withCounters(queueName, c -> {
            c.queuedBytes = queuedBytes;
            c.queuedPackets = queuedPackets;
        });
    }

    boolean setRate(String queueName, long rateBps, long packetRate) {
        return withCounters(queueName, c -> {
            c.rateBps = rateBps;
            c.packetRate = packetRate;
        });
    }

    private boolean withCounters(String queueName, Consumer<Counters> change) {
        synchronized (lock) {
            Row r = tree.byName(queueName);
            if (r != null) {
                change.accept(r.counters);
            }
            return r != null;
        }
    }

    boolean delete(String name) {
        synchronized (lock) {
            Row r = tree.byName(name);
            if (r != null) {
                tree.remove(r);
            }
            return r != null;
        }
    }

    boolean swapNames(String a, String b) {
        synchronized (lock) {
            Row ra = tree.byName(a);
            Row rb = tree.byName(b);
            if (ra == null || rb == null) {
                return false;
            }
            ra.values.put("name", b);
            rb.values.put("name", a);
            return true;
        }
    }

    boolean rename(String from, String to) {
        synchronized (lock) {
            Row r = tree.byName(from);
            if (r == null || tree.byName(to) != null) {
                return false;
            }
            r.values.put("name", to);
            return true;
        }
    }

    boolean changeMaxLimit(String name, long maxLimitBps) {
        synchronized (lock) {
            Row r = tree.byName(name);
            if (r != null) {
                r.values.put("max-limit", Long.toString(maxLimitBps));
            }
            return r != null;
        }
    }

    private static QueueSnapshot snapshot(Row r) {
        Counters c = r.counters;
        return new QueueSnapshot(r.idText(), r.get("name"), r.get("parent"), r.get("queue"),
                Long.parseLong(r.get("max-limit")), Long.parseLong(r.get("limit-at")), Integer.parseInt(r.get("priority")),
                r.get("comment"), r.flag("disabled"), c.bytes, c.packets, c.dropped, c.queuedBytes, c.queuedPackets,
                c.rateBps, c.packetRate);
    }
}
