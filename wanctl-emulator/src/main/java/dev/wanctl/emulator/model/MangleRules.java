package dev.wanctl.emulator.model;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The emulated router's mangle rules as the simulator and tests see them: snapshots by comment,
 * rules an operator deletes or re-creates, and rules a script on the router holds as they are.
 * Under the router's one lock.
 */
final class MangleRules {

    private final Object lock;
    private final MenuTable mangle;
    private final MenuOps ops;
    private final Set<String> held = new HashSet<>(); // comments; guarded by lock

    MangleRules(Object lock, MenuTable mangle, MenuOps ops) {
        this.lock = lock;
        this.mangle = mangle;
        this.ops = ops;
    }

    Optional<RuleSnapshot> rule(String comment) {
        synchronized (lock) {
            Row r = mangle.rows().stream().filter(x -> comment.equals(x.get("comment"))).findFirst().orElse(null);
            return r == null ? Optional.empty() : Optional.of(snapshot(r));
        }
    }

    List<RuleSnapshot> rules() {
        synchronized (lock) {
            return mangle.rows().stream().map(this::snapshot).toList();
        }
    }

    void hold(String comment, boolean hold) {
        synchronized (lock) {
            if (hold) {
                held.add(comment);
            } else {
                held.remove(comment);
            }
        }
    }

    /** Whether a script keeps this rule as it is (the caller holds the lock). */
    boolean held(Row r) {
        return r.get("comment") != null && held.contains(r.get("comment"));
    }

    boolean delete(String comment) {
        synchronized (lock) {
            boolean any = false;
            for (Row r : List.copyOf(mangle.rows())) {
                if (comment.equals(r.get("comment"))) {
                    mangle.remove(r);
                    any = true;
                }
            }
            return any;
        }
    }

    String add(Map<String, String> properties) {
        synchronized (lock) {
            try {
                return ops.add(mangle, properties, null).idText();
            } catch (RosError e) {
                throw new IllegalArgumentException("rule " + properties + ": " + e.getMessage());
            }
        }
    }

    private RuleSnapshot snapshot(Row r) {
        return new RuleSnapshot(r.idText(), r.get("comment"), r.get("chain"), r.get("action"), r.flag("disabled"),
                Collections.unmodifiableMap(ops.render(mangle, r)));
    }
}
