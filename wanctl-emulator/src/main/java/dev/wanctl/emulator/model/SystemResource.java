package dev.wanctl.emulator.model;

import dev.wanctl.core.runtime.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /system/resource} and {@code /system/identity}: fixture values, uptime from the clock,
 * and the flash write-sector counters that grow with every configuration write. Guarded by the
 * state's lock.
 */
public final class SystemResource {

    /** One field: its REST value and the way the CLI prints it. */
    public record Field(String key, String rest, String cli) {}

    private static final long MIB = 1024L * 1024L;

    private final Clock clock;
    private final Map<String, String> values = new LinkedHashMap<>();
    public String identity;
    long bootNanos;
    long writeSectSinceReboot;
    long writeSectTotal;

    SystemResource(Map<String, String> fixture, Clock clock) {
        this.clock = clock;
        values.put("version", "7.16.2 (stable)");
        values.put("build-time", "2024-11-26 12:49:41");
        values.put("factory-software", "7.1");
        values.put("free-memory", Long.toString(824 * MIB));
        values.put("total-memory", Long.toString(1024 * MIB));
        values.put("cpu", "ARM64");
        values.put("cpu-count", "4");
        values.put("cpu-frequency", "1400");
        values.put("cpu-load", "2");
        values.put("free-hdd-space", Long.toString(930 * MIB));
        values.put("total-hdd-space", Long.toString(1024 * MIB));
        values.put("architecture-name", "arm64");
        values.put("board-name", "RB5009UG+S+");
        values.put("platform", "MikroTik");
        identity = "MikroTik";
        for (Map.Entry<String, String> e : fixture.entrySet()) {
            if (e.getKey().equals("identity")) {
                identity = e.getValue();
            } else if (values.containsKey(e.getKey())) {
                values.put(e.getKey(), e.getValue());
            } else {
                throw new IllegalArgumentException("fixture: system." + e.getKey() + ": unknown; allowed: identity, "
                        + String.join(", ", values.keySet()));
            }
        }
        bootNanos = clock.nanoTime();
        writeSectTotal = 120_000;
    }

    String get(String key) {
        return values.get(key);
    }

    void set(String key, String value) {
        values.put(key, value);
    }

    long uptimeNanos() {
        return Math.max(0, clock.nanoTime() - bootNanos);
    }

    /** A configuration write reached flash. */
    public void countWrite() {
        writeSectSinceReboot++;
        writeSectTotal++;
    }

    /** All fields in RouterOS's order. */
    public List<Field> fields() {
        List<Field> out = new ArrayList<>();
        String uptime = Durations.format(uptimeNanos() / 1_000_000_000L * 1_000_000_000L);
        out.add(new Field("uptime", uptime, uptime));
        for (Map.Entry<String, String> e : values.entrySet()) {
            String v = e.getValue();
            String cli = switch (e.getKey()) {
                case "free-memory", "total-memory", "free-hdd-space", "total-hdd-space" -> mib(v);
                case "cpu-load" -> v + "%";
                case "cpu-frequency" -> v + "MHz";
                default -> v;
            };
            out.add(new Field(e.getKey(), v, cli));
            if (e.getKey().equals("total-hdd-space")) {
                out.add(new Field("write-sect-since-reboot", Long.toString(writeSectSinceReboot),
                        Long.toString(writeSectSinceReboot)));
                out.add(new Field("write-sect-total", Long.toString(writeSectTotal), Long.toString(writeSectTotal)));
                out.add(new Field("bad-blocks", "0", "0%"));
            }
        }
        return out;
    }

    private static String mib(String bytes) {
        try {
            return String.format(java.util.Locale.ROOT, "%.1fMiB", Long.parseLong(bytes) / (double) MIB);
        } catch (NumberFormatException e) {
            return bytes;
        }
    }
}
