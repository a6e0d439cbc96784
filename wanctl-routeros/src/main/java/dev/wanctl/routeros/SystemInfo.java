package dev.wanctl.routeros;

import java.time.Duration;

/**
 * What {@code /system/resource} says about the router.
 *
 * @param version e.g. {@code 7.16.2 (stable)}
 * @param boardName e.g. {@code RB5009UG+S+}
 * @param cpuLoadPercent 0 to 100
 */
public record SystemInfo(String version, String boardName, int cpuLoadPercent, Duration uptime) {}
