package dev.wanctl.sim.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The controller choices of {@code wanctl simulate --controller}: the real wanctl daemon, then the
 * peer laws it is measured against (the reference law, cake-autorate's), then the baselines (no
 * shaping, a static shaper, the oracle bound).
 */
public final class Controllers {

    private Controllers() {
    }

    /** Every controller, in report order. */
    public static List<NamedController> available() {
        List<NamedController> all = new ArrayList<>();
        all.add(WanctlController.named());
        all.add(WanctlController.reference());
        all.add(CakeAutorateController.named());
        all.addAll(Baselines.all());
        return List.copyOf(all);
    }

    /** The controllers {@code name} selects: one by name, or every one for {@code all}. */
    public static List<NamedController> select(String name) {
        if (name.equals("all")) {
            return available();
        }
        List<String> names = new ArrayList<>();
        for (NamedController c : available()) {
            if (c.name().equals(name)) {
                return List.of(c);
            }
            names.add(c.name());
        }
        names.add("all");
        throw new IllegalArgumentException("unknown controller '" + name + "'; choose one of " + names);
    }
}
