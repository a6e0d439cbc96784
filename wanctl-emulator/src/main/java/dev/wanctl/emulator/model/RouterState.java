package dev.wanctl.emulator.model;

import dev.wanctl.emulator.EmulatedRouterClient;

import dev.wanctl.core.runtime.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Everything the emulated router holds: queue tree, queue types, simple queues, mangle rules,
 * system resource and identity, users, and the history of configuration writes. The simulator's
 * and tests' view is split by menu: {@link QueueMenu} (queues and their counters),
 * {@link MangleRules} and {@link WriteHistory}; this class holds the tables and the one lock. Thread-safe; the
 * REST server, the SSH server, {@link EmulatedRouterClient} and the simulator share one instance.
 *
 * <p>The simulator drives the statistics through {@link #addTraffic}, {@link #setBacklog} and
 * {@link #setRate}; tests read what daemons wrote through {@link #writes()} and the snapshots.
 */
public final class RouterState {

    private static final String[] BUILT_IN_TYPES = {
        "default:pfifo", "ethernet-default:pfifo", "wireless-default:sfq", "synchronous-default:red",
        "hotspot-default:sfq", "pcq-upload-default:pcq", "pcq-download-default:pcq", "only-hardware-queue:none",
        "multi-queue-ethernet-default:mq-pfifo", "default-small:pfifo"
    };

    private final Object lock = new Object();
    private final Clock clock;
    // keyed by path: a MenuSpec record's own hashCode walks all its properties on every lookup
    private final Map<String, MenuTable> tables = new LinkedHashMap<>();
    private final SystemResource system;
    private final Map<String, Fixture.User> users = new LinkedHashMap<>();
    private final List<String> interfaces;
    private final List<String> routingTables;
    private final MenuOps ops = new MenuOps(this);
    private final QueueMenu queues;
    private final MangleRules mangleRules;
    private final WriteHistory history;

    private RouterState(Fixture f, Clock clock) {
        this.clock = clock;
        this.system = new SystemResource(f.system(), clock);
        this.interfaces = f.interfaces();
        this.routingTables = f.routingTables();
        for (MenuSpec spec : MenuSpecs.ALL) {
            tables.put(spec.path(), new MenuTable(spec));
        }
        this.queues = new QueueMenu(lock, table(MenuSpecs.QUEUE_TREE));
        this.mangleRules = new MangleRules(lock, table(MenuSpecs.MANGLE), ops);
        this.history = new WriteHistory(lock, clock);
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
        MenuTable types = table(MenuSpecs.QUEUE_TYPE);
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
                ops.add(table(spec), items.get(i), null);
            } catch (RosError e) {
                throw new IllegalArgumentException("fixture: " + key + "[" + i + "] " + items.get(i) + ": " + e.getMessage());
            }
        }
    }

    // ---------------------------------------------------------------- simulator and test API

    /** The queue-tree item called {@code name}. */
    public Optional<QueueSnapshot> queue(String name) {
        return queues.queue(name);
    }

    /** All queue-tree items in console order. */
    public List<QueueSnapshot> queues() {
        return queues.queues();
    }

    /** The queue's {@code max-limit} in bit/s; throws {@link NoSuchElementException} when it does not exist. */
    public long maxLimitBps(String queueName) {
        return queues.maxLimitBps(queueName);
    }

    /** The first mangle rule whose comment is exactly {@code comment}. */
    public Optional<RuleSnapshot> rule(String comment) {
        return mangleRules.rule(comment);
    }

    /**
     * Models a script on the router that keeps the mangle rules with this comment as they are:
     * while held, writes to their {@code disabled} are accepted and recorded but undone at once.
     */
    public void holdRule(String comment, boolean held) {
        mangleRules.hold(comment, held);
    }

    /** All mangle rules in evaluation order. */
    public List<RuleSnapshot> rules() {
        return mangleRules.rules();
    }

    /** Counts traffic through a queue (the counters only grow); false when the queue does not exist. */
    public boolean addTraffic(String queueName, long bytes, long packets, long dropped) {
        return queues.addTraffic(queueName, bytes, packets, dropped);
    }

    /** Sets a queue's instantaneous backlog; false when the queue does not exist. */
    public boolean setBacklog(String queueName, long queuedBytes, long queuedPackets) {
        return queues.setBacklog(queueName, queuedBytes, queuedPackets);
    }

    /** Sets a queue's average rate (bit/s) and packet rate (packets/s); false when the queue does not exist. */
    public boolean setRate(String queueName, long rateBps, long packetRate) {
        return queues.setRate(queueName, rateBps, packetRate);
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
        return history.writes();
    }

    /** The {@code max-limit} writes to one queue, oldest first. */
    public List<WriteRecord> maxLimitWrites(String queueName) {
        return history.maxLimitWrites(queueName);
    }

    /** The enable/disable writes to the rules with this comment, oldest first. */
    public List<WriteRecord> ruleToggles(String comment) {
        return history.ruleToggles(comment);
    }

    /** Forgets the write history (e.g. after a warm-up phase). */
    public void clearWrites() {
        history.clear();
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
        MenuTable t = tables.get(spec.path());
        return t != null && (t.spec == spec || t.spec.equals(spec)) ? t : null;
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
        return mangleRules.held(r);
    }

    void record(String menu, Row r, String prop, String old, String value, Transport via) {
        history.record(menu, r, prop, old, value, via);
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
        return queues.delete(name);
    }

    public boolean swapQueueNames(String a, String b) {
        return queues.swapNames(a, b);
    }

    /** A queue-tree item renamed (its id and everything else stay); false when {@code from} is absent or {@code to} taken. */
    public boolean renameQueue(String from, String to) {
        return queues.rename(from, to);
    }

    public boolean changeMaxLimit(String name, long maxLimitBps) {
        return queues.changeMaxLimit(name, maxLimitBps);
    }

    public boolean deleteRule(String comment) {
        return mangleRules.delete(comment);
    }

    /**
     * Adds a mangle rule as an operator re-creating one would (Winbox, {@code /ip/firewall/mangle/add}):
     * it gets a new id, at the end of the chain. Returns the id.
     */
    public String addRule(Map<String, String> properties) {
        return mangleRules.add(properties);
    }
}
