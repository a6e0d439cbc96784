package dev.wanctl.routeros.ssh;

import dev.wanctl.routeros.RouterException;
import dev.wanctl.routeros.RouterValues;
import dev.wanctl.routeros.SystemInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code /system resource print}: one right-aligned {@code key: value} per line
 * ({@code cpu-load: 3%}, {@code version: 7.16.2 (stable)}).
 */
final class CliResource {

    private static final Pattern LINE = Pattern.compile("^\\s*([a-z][a-z0-9-]*):\\s?(.*?)\\s*$");

    private CliResource() {}

    static SystemInfo parse(String output) throws RouterException {
        Map<String, String> values = new HashMap<>();
        for (String line : output.split("\r?\n")) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                values.putIfAbsent(m.group(1), m.group(2));
            }
        }
        return new SystemInfo(
                required(values, "version", output),
                required(values, "board-name", output),
                RouterValues.percent("cpu-load", required(values, "cpu-load", output)),
                RouterValues.duration("uptime", required(values, "uptime", output)));
    }

    private static String required(Map<String, String> values, String key, String output) throws RouterException {
        String v = values.get(key);
        if (v == null) {
            throw RouterException.protocol("/system resource print shows no \"" + key + ":\"", output);
        }
        return v;
    }
}
