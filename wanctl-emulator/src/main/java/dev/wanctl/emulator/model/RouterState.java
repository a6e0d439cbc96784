package dev.wanctl.emulator.model;

import dev.wanctl.emulator.EmulatedRouterClient;

import dev.wanctl.core.runtime.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the emulated router holds: queue tree, queue types, simple queues, mangle rules,
 * system resource and identity, users, and the history of configuration writes. Thread-safe; the
 * REST server, the SSH server, {@link EmulatedRouterClient} and the simulator share one instance.
 *
 * <p>The simulator drives the statistics through {@link #addTraffic}, {@link #setBacklog} and
 * {@link #setRate}; tests read what daemons wrote through {@link #writes()} and the snapshots.
 */
public final class RouterState {

    /** Oldest write records are dropped beyond this, so a long simulation cannot exhaust memory. */
    static final int MAX_HISTORY = 200_000;

    private static final String[] BUILT_IN_TYPES = {
        "default:pfifo", "ethernet-default:pfifo", "wireless-default:sfq", "synchronous-default:red",
        "hotspot-default:sfq", "pcq-upload-default:pcq", "pcq-download-default:pcq", "only-hardware-queue:none",
        "multi-queue-ethernet-default:mq-pfifo", "default-small:pfifo"
    };

    private final Object lock = new Object();
    private final Clock clock;
    private final Map<MenuSpec, MenuTable> tables = new LinkedHashMap<>();
    private final SystemResource system;
    private final Map<String, Fixture.User> users = new LinkedHashMap<>();
    private final List<String> interfaces;
    private final List<String> routingTables;
    private final List<WriteRecord> history = new ArrayList<>();
    private final Set<String> heldRules = new HashSet<>(); // comments; guarded by lock
    private final MenuOps ops = new MenuOps(this);

    private RouterState(Fixture f, Clock clock) {
        this.clock = clock;
        this.system = new SystemResource(f.system(), clock);
        this.interfaces = f.interfaces();
        this.routingTables = f.routingTables();
        for (MenuSpec spec : MenuSpecs.ALL) {
            tables.put(spec, new MenuTable(spec));
        }
        for (Fixture.User u : f.users()) {
            users.put(u.name(), u);
        }
        if (users.isEmpty()) {
            // A router out of the box: admin with an empty password.
            users.put("admin", new Fixture.User("admin", "", "full", List.of()));
        }
        seedBuiltInTypes();
        seed(MenuSpecs.QUEUE_TYPE, f.queueTypes(), "queue-types");
        seed(MenuSpecs.QUEUE_TREE, f.queueTree(), "queue-tree");
        seed(MenuSpecs.QUEUE_SIMPLE, f.queueSimple(), "queue-simple");
        seed(MenuSpecs.MANGLE, f.mangle(), "mangle");
    }

    /** A router holding {@code fixture}, its uptime counted on {@code clock}. */
    public static RouterState of(Fixture fixture, Clock clock) {
        return new RouterState(fixture, clock);
    }

    private void seedBuiltInTypes() {
        MenuTable types = tables.get(MenuSpecs.QUEUE_TYPE);
        long id = 0xFFFFFFFFL;
        for (String t : BUILT_IN_TYPES) {
            String[] nk = t.split(":");
            Row r = types.builtIn(id--);
            r.values.put("name", nk[0]);
            r.values.put("kind", nk[1]);
            for (Prop p : MenuSpecs.QUEUE_TYPE.props()) {
                if (p.defaultValue() != null && MenuOps.applies(p, r)) {
                    r.values.put(p.name(), p.defaultValue());
                }
            }
            r.values.put("default", "true");
        }
    }

    private void seed(MenuSpec spec, List<Map<String, String>> items, String key) {
        for (int i = 0; i < items.size(); i++) {
            try {
                ops.add(tables.get(spec), items.get(i), null);
            } catch (RosError e) {
                throw new IllegalArgumentException("fixture: " + key + "[" + i + "] " + items.get(i) + ": " + e.getMessage());
            }
        }
    }

    // ---------------------------------------------------------------- simulator and test API

    /** The queue-tree item called {@code name}. */
    public Optional<QueueSnapshot> queue(String name) {
        synchronized (lock) {
            Row r = tree().byName(name);
            return r == null ? Optional.empty() : Optional.of(snapshot(r));
        }
    }

    /** All queue-tree items in console order. */
    public List<QueueSnapshot> queues() {
        synchronized (lock) {
            return tree().rows().stream().map(this::snapshot).toList();
        }
    }

    /** The queue's {@code max-limit} in bit/s; throws {@link NoSuchElementException} when it does not exist. */
    public long maxLimitBps(String queueName) {
        return queue(queueName).orElseThrow(() -> new NoSuchElementException("no queue " + queueName)).maxLimitBps();
    }

    /** The first mangle rule whose comment is exactly {@code comment}. */
    public Optional<RuleSnapshot> rule(String comment) {
        synchronized (lock) {
            Row r = mangle().rows().stream().filter(x -> comment.equals(x.get("comment"))).findFirst().orElse(null);
            return r == null ? Optional.empty() : Optional.of(ruleSnapshot(r));
        }
    }

    /**
     * Models a script on the router that keeps the mangle rules with this comment as they are:
     * while held, writes to their {@code disabled} are accepted and recorded but undone at once.
     */
    public void holdRule(String comment, boolean held) {
        synchronized (lock) {
            if (held) {
                heldRules.add(comment);
            } else {
                heldRules.remove(comment);
            }
        }
    }

    /** All mangle rules in evaluation order. */
    public List<RuleSnapshot> rules() {
        synchronized (lock) {
            return mangle().rows().stream().map(this::ruleSnapshot).toList();
        }
    }

    /** Counts traffic through a queue (the counters only grow); false when the queue does not exist. */
    public boolean addTraffic(String queueName, long bytes, long packets, long dropped) {
        if (bytes < 0 || packets < 0 || dropped < 0) {
            throw new IllegalArgumentException("traffic cannot be negative: " + bytes + "/" + packets + "/" + dropped);
        }
        return withCounters(queueName, c -> c.add(bytes, packets, dropped));
    }

    /** Sets a queue's instantaneous backlog; false when the queue does not exist. */
    public boolean setBacklog(String queueName, long queuedBytes, long queuedPackets) {
        return withCounters(queueName, c -> {
            c.queuedBytes = queuedBytes;
            c.queuedPackets = queuedPackets;
        });
    }

    /** Sets a queue's average rate (bit/s) and packet rate (packets/s); false when the queue does not exist. */
    public boolean setRate(String queueName, long rateBps, long packetRate) {
        return withCounters(queueName, c -> {
            c.rateBps = rateBps;
            c.packetRate = packetRate;
        });
    }

    private boolean withCounters(String queueName, java.util.function.Consumer<Counters> change) {
        synchronized (lock) {
            Row r = tree().byName(queueName);
            if (r != null) {
                change.accept(r.counters);
            }
            return r != null;
        }
    }

    /** Sets the CPU load {@code /system/resource} reports. */
    public void setCpuLoad(int percent) {
        synchronized (lock) {
            system.set("cpu-load", Integer.toString(Math.clamp(percent, 0, 100)));
        }
    }

    /** {@code /system/identity} name. */
    public String identity() {
        synchronized (lock) {
            return system.identity;
        }
    }

    /** {@code /system/resource} version, e.g. {@code 7.16.2 (stable)}. */
    public String version() {
        synchronized (lock) {
            return system.get("version");
        }
    }

    /** {@code /system/resource} board name, e.g. {@code RB5009UG+S+}. */
    public String boardName() {
        synchronized (lock) {
            return system.get("board-name");
        }
    }

    /** {@code /system/resource} CPU load in percent. */
    public int cpuLoadPercent() {
        synchronized (lock) {
            return Integer.parseInt(system.get("cpu-load"));
        }
    }

    /** Time since the last (emulated) boot on the emulator's clock. */
    public Duration uptime() {
        synchronized (lock) {
            return Duration.ofNanos(system.uptimeNanos());
        }
    }

    /** Every configuration write, oldest first (at most the newest 200 000). */
    public List<WriteRecord> writes() {
        synchronized (lock) {
            return List.copyOf(history);
        }
    }

    /** The {@code max-limit} writes to one queue, oldest first. */
    public List<WriteRecord> maxLimitWrites(String queueName) {
        return writes().stream().filter(w -> w.isMaxLimit() && w.item().equals(queueName)).toList();
    }

    /** The enable/disable writes to the rules with this comment, oldest first. */
    public List<WriteRecord> ruleToggles(String comment) {
        return writes().stream().filter(w -> w.isRuleToggle() && w.item().equals(comment)).toList();
    }

    /** Forgets the write history (e.g. after a warm-up phase). */
    public void clearWrites() {
        synchronized (lock) {
            history.clear();
        }
    }

    /** Changes (or adds) a user's password, as an administrator would on the router. */
    public void setPassword(String user, String password) {
        synchronized (lock) {
            Fixture.User u = users.get(user);
            users.put(user, new Fixture.User(user, password, u == null ? "full" : u.group(),
                    u == null ? List.of() : u.sshKeys()));
        }
    }

    /** The names of the router's users. */
    public List<String> users() {
        synchronized (lock) {
            return List.copyOf(users.keySet());
        }
    }

    // ---------------------------------------------------------------- for the transports and faults

    public Object lock() {
        return lock;
    }

    public Clock clock() {
        return clock;
    }

    public MenuTable table(MenuSpec spec) {
        return tables.get(spec);
    }

    public MenuOps ops() {
        return ops;
    }

    public SystemResource system() {
        return system;
    }

    List<String> interfaces() {
        return interfaces;
    }

    List<String> routingTables() {
        return routingTables;
    }

    public boolean passwordMatches(String user, String password) {
        synchronized (lock) {
            Fixture.User u = users.get(user);
            return u != null && u.password().equals(password);
        }
    }

    public List<String> sshKeys(String user) {
        synchronized (lock) {
            Fixture.User u = users.get(user);
            return u == null ? List.of() : u.sshKeys();
        }
    }

    boolean ruleHeld(Row r) {
        return r.get("comment") != null && heldRules.contains(r.get("comment"));
    }

    void record(String menu, Row r, String prop, String old, String value, Transport via) {
        String item = r.get("name") != null ? r.get("name") : r.get("comment") != null ? r.get("comment") : r.idText();
        if (history.size() >= MAX_HISTORY) {
            history.removeFirst();
        }
        history.add(new WriteRecord(clock.nanoTime(), clock.wallMillis(), via, menu, r.idText(), item, prop, old, value));
    }

    /** Every user-made item gets a new id, as after a configuration restore. */
    public void renumberIds() {
        synchronized (lock) {
            tables.values().forEach(MenuTable::renumber);
        }
    }

    /** A reboot: counters and backlog go to 0, uptime restarts at {@code bootNanos}. */
    public void rebooted(long bootNanos, boolean renumber) {
        synchronized (lock) {
            for (MenuTable t : tables.values()) {
                t.rows().forEach(r -> r.counters.resetAll());
                if (renumber) {
                    t.renumber();
                }
            }
            system.bootNanos = bootNanos;
            system.writeSectSinceReboot = 0;
        }
    }

    public boolean deleteQueue(String name) {
        synchronized (lock) {
            Row r = tree().byName(name);
            if (r != null) {
                tree().remove(r);
            }
            return r != null;
        }
    }

    public boolean swapQueueNames(String a, String b) {
        synchronized (lock) {
            Row ra = tree().byName(a);
            Row rb = tree().byName(b);
            if (ra == null || rb == null) {
                return false;
            }
            ra.values.put("name", b);
            rb.values.put("name", a);
            return true;
        }
    }

    /** A queue-tree item renamed (its id and everything else stay); false when {@code from} is absent or {@code to} taken. */
    public boolean renameQueue(String from, String to) {
        synchronized (lock) {
            Row r = tree().byName(from);
            if (r == null || tree().byName(to) != null) {
                return false;
            }
            r.values.put("name", to);
            return true;
        }
    }

    public boolean changeMaxLimit(String name, long maxLimitBps) {
        synchronized (lock) {
            Row r = tree().byName(name);
            if (r != null) {
                r.values.put("max-limit", Long.toString(maxLimitBps));
            }
            return r != null;
        }
    }

    public boolean deleteRule(String comment) {
        synchronized (lock) {
            boolean any = false;
            for (Row r : List.copyOf(mangle().rows())) {
                if (comment.equals(r.get("comment"))) {
                    mangle().remove(r);
                    any = true;
                }
            }
            return any;
        }
    }

    /**
     * Adds a mangle rule as an operator re-creating one would (Winbox, {@code /ip/firewall/mangle/add}):
     * it gets a new id, at the end of the chain. Returns the id.
     */
    public String addRule(Map<String, String> properties) {
        synchronized (lock) {
            try {
                return ops.add(mangle(), properties, null).idText();
            } catch (RosError e) {
                throw new IllegalArgumentException("rule " + properties + ": " + e.getMessage());
            }
        }
    }

    private MenuTable tree() {
        return tables.get(MenuSpecs.QUEUE_TREE);
    }

    private MenuTable mangle() {
        return tables.get(MenuSpecs.MANGLE);
    }

    private QueueSnapshot snapshot(Row r) {
        Counters c = r.counters;
        return new QueueSnapshot(r.idText(), r.get("name"), r.get("parent"), r.get("queue"),
                Long.parseLong(r.get("max-limit")), Long.parseLong(r.get("limit-at")), Integer.parseInt(r.get("priority")),
                r.get("comment"), r.flag("disabled"), c.bytes, c.packets, c.dropped, c.queuedBytes, c.queuedPackets,
                c.rateBps, c.packetRate);
    }

    private RuleSnapshot ruleSnapshot(Row r) {
        return new RuleSnapshot(r.idText(), r.get("comment"), r.get("chain"), r.get("action"), r.flag("disabled"),
                java.util.Collections.unmodifiableMap(ops.render(mangle(), r)));
    }
}
