package dev.wanctl.core.config;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The ports the daemons listen on when the config gives none. Every autorate daemon gets its own
 * pair, derived from its {@code wan_name}, so that two WANs and steering run on one host with the
 * shipped configs and no port set: /health on 9110-9209, /metrics on 9210-9309 (CRC-32 of the
 * name modulo 100: spectrum 9120 and 9220, att 9164 and 9264); steering keeps the reference
 * implementation's 9102 for /health and takes 9103 for /metrics. None is 9100, node_exporter's
 * port. Two names that happen to share a slot are reported by {@code wanctl check-config} over
 * both files. Public: the docs and check-config name them.
 */
public final class DefaultPorts {

    /** The steering daemon's /health port. */
    public static final int STEERING_HEALTH = 9102;
    /** The steering daemon's /metrics port. */
    public static final int STEERING_METRICS = 9103;

    private static final int HEALTH_BASE = 9110;
    private static final int METRICS_BASE = 9210;
    private static final int SLOTS = 100;

    private DefaultPorts() {}

    /** The /health port of the autorate daemon of WAN {@code wanName}. */
    public static int autorateHealth(String wanName) {
        return HEALTH_BASE + slot(wanName);
    }

    /** The /metrics port of the autorate daemon of WAN {@code wanName}. */
    public static int autorateMetrics(String wanName) {
        return METRICS_BASE + slot(wanName);
    }

    private static int slot(String wanName) {
        CRC32 crc = new CRC32();
        crc.update(wanName.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % SLOTS);
    }
}
