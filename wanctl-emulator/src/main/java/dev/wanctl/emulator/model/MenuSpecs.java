package dev.wanctl.emulator.model;

import static dev.wanctl.emulator.model.Prop.optional;
import static dev.wanctl.emulator.model.Prop.readOnly;
import static dev.wanctl.emulator.model.Prop.rw;

import dev.wanctl.emulator.model.MenuSpec.Flag;
import dev.wanctl.emulator.model.Prop.Ref;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The table menus the emulator knows, with the properties and orders of routeros-api.md §2–4. */
public final class MenuSpecs {

    /** Every command word RouterOS knows in some menu; others are "no such command" (400, not 406). */
    public static final Set<String> KNOWN_COMMANDS = Set.of(
            "add", "remove", "set", "unset", "get", "print", "enable", "disable", "reset-counters",
            "reset-counters-all", "move", "find", "comment", "export", "edit", "monitor", "reset");

    private static final List<Flag> DISABLED_INVALID =
            List.of(new Flag('X', "disabled", "disabled"), new Flag('I', "invalid", "invalid"));
    private static final List<Flag> DYNAMIC = List.of(new Flag('D', "dynamic", "dynamic"));
    /** The commands the emulator implements for every table (others are refused as RouterOS would refuse them). */
    private static final Set<String> TABLE_COMMANDS =
            Set.of("add", "remove", "set", "get", "print", "enable", "disable", "find");

    public static final MenuSpec QUEUE_TREE = new MenuSpec(
            "queue/tree",
            List.of(
                    rw("name", PropType.TEXT, null),
                    rw("parent", PropType.WORD, null).ref(Ref.QUEUE_PARENT),
                    rw("packet-mark", PropType.WORD, ""),
                    rw("queue", PropType.WORD, "default-small").ref(Ref.QUEUE_TYPE),
                    rw("priority", PropType.integer(1, 8), "8"),
                    rw("limit-at", PropType.BANDWIDTH, "0"),
                    rw("max-limit", PropType.BANDWIDTH, "0"),
                    rw("burst-limit", PropType.BANDWIDTH, "0"),
                    rw("burst-threshold", PropType.BANDWIDTH, "0"),
                    rw("burst-time", PropType.DURATION, "0s"),
                    rw("bucket-size", PropType.DECIMAL, "0.1"),
                    optional("comment", PropType.TEXT),
                    rw("disabled", PropType.BOOL, "false"),
                    readOnly("invalid", PropType.BOOL, "false")),
            List.of("bytes", "packets", "dropped", "rate", "packet-rate", "queued-bytes", "queued-packets"),
            List.of("name", "parent", "packet-mark", "limit-at", "queue", "priority", "max-limit", "burst-limit",
                    "burst-threshold", "burst-time", "bucket-size"),
            List.of("name", "parent", "packet-mark", "rate", "packet-rate", "queued-bytes", "queued-packets",
                    "bytes", "packets", "dropped"),
            true,
            0x1000000L,
            List.of(DISABLED_INVALID),
            plus(TABLE_COMMANDS, "reset-counters", "reset-counters-all"),
            List.of("name", "parent"),
            false);

    public static final MenuSpec MANGLE = mangle();

    static final MenuSpec QUEUE_TYPE = queueType();

    static final MenuSpec QUEUE_SIMPLE = new MenuSpec(
            "queue/simple",
            List.of(
                    rw("name", PropType.TEXT, null),
                    rw("target", PropType.WORD, null),
                    rw("parent", PropType.WORD, "none"),
                    rw("packet-marks", PropType.WORD, ""),
                    rw("priority", PropType.WORD_PAIR, "8/8"),
                    rw("queue", PropType.WORD_PAIR, "default-small/default-small"),
                    rw("limit-at", PropType.BANDWIDTH_PAIR, "0/0"),
                    rw("max-limit", PropType.BANDWIDTH_PAIR, "0/0"),
                    rw("burst-limit", PropType.BANDWIDTH_PAIR, "0/0"),
                    rw("burst-threshold", PropType.BANDWIDTH_PAIR, "0/0"),
                    rw("burst-time", PropType.WORD_PAIR, "0s/0s"),
                    rw("bucket-size", PropType.WORD_PAIR, "0.1/0.1"),
                    optional("comment", PropType.TEXT),
                    rw("disabled", PropType.BOOL, "false"),
                    readOnly("dynamic", PropType.BOOL, "false"),
                    readOnly("invalid", PropType.BOOL, "false")),
            List.of("bytes", "packets", "dropped", "rate", "packet-rate", "queued-bytes", "queued-packets",
                    "total-bytes", "total-packets", "total-dropped", "total-rate", "total-packet-rate",
                    "total-queued-bytes", "total-queued-packets"),
            List.of("name", "target", "parent", "packet-marks", "priority", "queue", "limit-at", "max-limit",
                    "burst-limit", "burst-threshold", "burst-time", "bucket-size"),
            List.of("name", "target", "rate", "packet-rate", "queued-bytes", "queued-packets", "bytes", "packets",
                    "dropped"),
            true,
            1L,
            List.of(DISABLED_INVALID, DYNAMIC),
            plus(TABLE_COMMANDS, "reset-counters", "reset-counters-all", "move"),
            List.of("target"),
            true);

    static final List<MenuSpec> ALL = List.of(QUEUE_TREE, QUEUE_TYPE, QUEUE_SIMPLE, MANGLE);

    private MenuSpecs() {}

    /** The menu at {@code path} ({@code queue/tree}), or null. */
    public static MenuSpec byPath(String path) {
        for (MenuSpec m : ALL) {
            if (m.path().equals(path)) {
                return m;
            }
        }
        return null;
    }

    private static MenuSpec mangle() {
        List<Prop> props = new ArrayList<>(List.of(
                rw("chain", PropType.WORD, null),
                rw("action", PropType.oneOf("accept", "add-dst-to-address-list", "add-src-to-address-list",
                        "change-dscp", "change-mss", "change-ttl", "clear-df", "fasttrack-connection", "jump", "log",
                        "mark-connection", "mark-packet", "mark-routing", "passthrough", "return", "route",
                        "set-priority", "sniff-pc", "sniff-tzsp", "strip-ipv4-options"), "accept"),
                optional("new-routing-mark", PropType.WORD).ref(Ref.ROUTING_TABLE),
                optional("new-connection-mark", PropType.WORD),
                optional("new-packet-mark", PropType.WORD),
                optional("new-dscp", PropType.integer(0, 63)),
                optional("new-priority", PropType.WORD),
                optional("passthrough", PropType.BOOL),
                optional("jump-target", PropType.WORD),
                optional("src-address", PropType.WORD),
                optional("dst-address", PropType.WORD),
                optional("protocol", PropType.WORD),
                optional("src-port", PropType.WORD),
                optional("dst-port", PropType.WORD),
                optional("port", PropType.WORD),
                optional("in-interface", PropType.WORD).ref(Ref.INTERFACE),
                optional("out-interface", PropType.WORD).ref(Ref.INTERFACE),
                optional("in-interface-list", PropType.WORD),
                optional("out-interface-list", PropType.WORD),
                optional("src-address-list", PropType.WORD),
                optional("dst-address-list", PropType.WORD),
                optional("connection-state", PropType.listOf("established", "invalid", "new", "related", "untracked")),
                optional("connection-mark", PropType.WORD),
                optional("packet-mark", PropType.WORD),
                optional("routing-mark", PropType.WORD),
                optional("dscp", PropType.integer(0, 63)),
                optional("log", PropType.BOOL),
                optional("log-prefix", PropType.WORD),
                optional("comment", PropType.TEXT),
                optional("disabled", PropType.BOOL),
                readOnly("dynamic", PropType.BOOL, "false"),
                readOnly("invalid", PropType.BOOL, "false")));
        List<String> cliOrder = new ArrayList<>();
        for (Prop p : props) {
            if (p.writable() && !p.name().equals("comment") && !p.name().equals("disabled")) {
                cliOrder.add(p.name());
            }
        }
        return new MenuSpec("ip/firewall/mangle", List.copyOf(props), List.of("bytes", "packets"),
                List.copyOf(cliOrder), List.of("chain", "action", "bytes", "packets"), false, 1L,
                List.of(DISABLED_INVALID, DYNAMIC),
                plus(TABLE_COMMANDS, "reset-counters", "reset-counters-all", "move"), List.of("chain"), false);
    }

    private static MenuSpec queueType() {
        String cake = "cake";
        List<Prop> props = List.of(
                rw("name", PropType.TEXT, null),
                rw("kind", PropType.oneOf("bfifo", "pfifo", "red", "sfq", "pcq", "mq-pfifo", "none", "codel",
                        "fq-codel", "cake"), null),
                rw("pfifo-limit", PropType.integer(1, 4_294_967_295L), "50").forKind("pfifo"),
                rw("bfifo-limit", PropType.integer(1, 4_294_967_295L), "15000").forKind("bfifo"),
                rw("mq-pfifo-limit", PropType.integer(1, 4_294_967_295L), "50").forKind("mq-pfifo"),
                rw("cake-bandwidth", PropType.BANDWIDTH, "0").forKind(cake),
                rw("cake-autorate-ingress", PropType.BOOL, "false").forKind(cake),
                rw("cake-diffserv", PropType.oneOf("diffserv3", "diffserv4", "diffserv8", "besteffort", "precedence"),
                        "diffserv3").forKind(cake),
                rw("cake-flowmode", PropType.oneOf("flowblind", "srchost", "dsthost", "hosts", "flows",
                        "dual-srchost", "dual-dsthost", "triple-isolate"), "triple-isolate").forKind(cake),
                rw("cake-nat", PropType.BOOL, "false").forKind(cake),
                rw("cake-wash", PropType.BOOL, "false").forKind(cake),
                rw("cake-ack-filter", PropType.oneOf("none", "filter", "aggressive"), "none").forKind(cake),
                rw("cake-overhead", PropType.integer(-64, 256), "0").forKind(cake),
                rw("cake-mpu", PropType.integer(-64, 256), "0").forKind(cake),
                rw("cake-atm", PropType.oneOf("none", "atm", "ptm"), "none").forKind(cake),
                // The CAKE guide spells one value "convervative", the CLI reference "conservative": both pass.
                rw("cake-overhead-scheme", PropType.listOf("raw", "conservative", "convervative", "ipoa-vcmux",
                        "ipoa-llcsnap", "bridged-vcmux", "bridged-llcsnap", "pppoa-vcmux", "pppoa-llc", "pppoe-vcmux",
                        "pppoe-llcsnap", "pppoe-ptm", "bridged-ptm", "via-ethernet", "ethernet", "ether-vlan",
                        "docsis"), "").forKind(cake),
                rw("cake-rtt", PropType.DURATION, "100ms").forKind(cake),
                rw("cake-rtt-scheme", PropType.oneOf("none", "datacentre", "lan", "metro", "regional", "internet",
                        "oceanic", "satellite", "interplanetary"), "internet").forKind(cake),
                rw("cake-memlimit", PropType.integer(0, 4_294_967_295L), "0").forKind(cake),
                readOnly("default", PropType.BOOL, "false"));
        List<String> cliOrder = new ArrayList<>();
        for (Prop p : props) {
            if (p.writable()) {
                cliOrder.add(p.name());
            }
        }
        return new MenuSpec("queue/type", props, List.of(), List.copyOf(cliOrder), List.of("name", "kind"), true,
                1L, List.of(List.of(new Flag('*', "default", "default"))),
                Set.of("add", "remove", "set", "get", "print", "find"), List.of("name", "kind"),
                false);
    }

    private static Set<String> plus(Set<String> base, String... more) {
        java.util.HashSet<String> s = new java.util.HashSet<>(base);
        s.addAll(List.of(more));
        return Set.copyOf(s);
    }
}
