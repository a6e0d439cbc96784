package dev.wanctl.emulator.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The type of one RouterOS property: how input is validated and normalised to the canonical
 * (REST) form, and how the canonical form is shown in CLI output.
 *
 * @param values the allowed words for {@link Kind#ENUM} and {@link Kind#ENUM_LIST}
 * @param min lower bound for {@link Kind#INTEGER}
 * @param max upper bound for {@link Kind#INTEGER}
 */
public record PropType(Kind kind, List<String> values, long min, long max) {

    /** Families of values. */
    enum Kind {
        /** Free text that the CLI always quotes in detail output ({@code name="X"}). */
        QUOTED_TEXT,
        /** Free text printed bare unless it needs quotes ({@code packet-mark=no-mark}). */
        WORD,
        BANDWIDTH,
        /** {@code upload/download} pair of bandwidths (simple queues). */
        BANDWIDTH_PAIR,
        /** {@code upload/download} pair of plain words or numbers (simple queues). */
        WORD_PAIR,
        BOOL,
        INTEGER,
        DECIMAL,
        DURATION,
        ENUM,
        ENUM_LIST
    }

    static final PropType TEXT = of(Kind.QUOTED_TEXT);
    static final PropType WORD = of(Kind.WORD);
    static final PropType BANDWIDTH = of(Kind.BANDWIDTH);
    static final PropType BANDWIDTH_PAIR = of(Kind.BANDWIDTH_PAIR);
    static final PropType WORD_PAIR = of(Kind.WORD_PAIR);
    static final PropType BOOL = of(Kind.BOOL);
    static final PropType DECIMAL = of(Kind.DECIMAL);
    static final PropType DURATION = of(Kind.DURATION);
    static final PropType COUNTER = integer(0, Long.MAX_VALUE);

    private static PropType of(Kind kind) {
        return new PropType(kind, List.of(), 0, 0);
    }

    static PropType integer(long min, long max) {
        return new PropType(Kind.INTEGER, List.of(), min, max);
    }

    static PropType oneOf(String... values) {
        return new PropType(Kind.ENUM, List.of(values), 0, 0);
    }

    static PropType listOf(String... values) {
        return new PropType(Kind.ENUM_LIST, List.of(values), 0, 0);
    }

    /** {@code raw} in canonical form; a {@link RosError} with RouterOS's wording when invalid. */
    String normalize(String name, String raw) throws RosError {
        String v = raw == null ? "" : raw;
        return switch (kind) {
            case QUOTED_TEXT, WORD -> v;
            case BANDWIDTH -> Long.toString(bandwidth(name, v));
            case BANDWIDTH_PAIR -> pair(name, v, true);
            case WORD_PAIR -> pair(name, v, false);
            case BOOL -> bool(name, v);
            case INTEGER -> Long.toString(integerValue(name, v));
            case DECIMAL -> decimal(name, v);
            case DURATION -> duration(name, v);
            case ENUM -> enumValue(name, v);
            case ENUM_LIST -> enumList(name, v);
        };
    }

    /** The canonical value as the CLI prints it (before any quoting). */
    public String toCli(String canonical) {
        return switch (kind) {
            case BANDWIDTH -> Bandwidth.humanise(Long.parseLong(canonical));
            case BANDWIDTH_PAIR -> {
                String[] p = canonical.split("/", 2);
                yield Bandwidth.humanise(Long.parseLong(p[0])) + "/" + Bandwidth.humanise(Long.parseLong(p[1]));
            }
            case BOOL -> "true".equals(canonical) ? "yes" : "no";
            default -> canonical;
        };
    }

    /** Whether detail and stats output quote the value even when it has no spaces. */
    public boolean alwaysQuoted() {
        return kind == Kind.QUOTED_TEXT;
    }

    private static long bandwidth(String name, String v) throws RosError {
        long bps = Bandwidth.parse(v);
        if (bps < 0) {
            throw RosError.badRequest("invalid value for argument " + name);
        }
        return bps;
    }

    private static String pair(String name, String v, boolean bandwidth) throws RosError {
        String[] p = v.split("/", -1);
        if (p.length > 2) {
            throw RosError.badRequest("invalid value for argument " + name);
        }
        String up = p[0];
        String down = p.length == 2 ? p[1] : p[0];
        if (bandwidth) {
            return bandwidth(name, up) + "/" + bandwidth(name, down);
        }
        return up + "/" + down;
    }

    private static String bool(String name, String v) throws RosError {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "yes", "true" -> "true";
            case "no", "false" -> "false";
            default -> throw RosError.noMatch(name);
        };
    }

    private long integerValue(String name, String v) throws RosError {
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw RosError.badRequest("invalid value for argument " + name);
        }
        if (n < min || n > max) {
            throw RosError.badRequest("value of " + name + " out of range (" + min + ".." + max + ")");
        }
        return n;
    }

    private static String decimal(String name, String v) throws RosError {
        if (!v.matches("\\d+(\\.\\d+)?")) {
            throw RosError.badRequest("invalid value for argument " + name);
        }
        return v;
    }

    private static String duration(String name, String v) throws RosError {
        long nanos = Durations.parseNanos(v);
        if (nanos < 0) {
            throw RosError.badRequest("invalid value for argument " + name);
        }
        return Durations.format(nanos);
    }

    private String enumValue(String name, String v) throws RosError {
        if (!values.contains(v)) {
            throw RosError.noMatch(name);
        }
        return v;
    }

    private String enumList(String name, String v) throws RosError {
        if (v.isEmpty()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (String part : v.split(",", -1)) {
            if (!values.contains(part)) {
                throw RosError.noMatch(name);
            }
            out.add(part);
        }
        return String.join(",", out);
    }
}
