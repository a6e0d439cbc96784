package dev.wanctl.cli.soak;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the lines of docs/LOGGING.md out of whatever an operator has: raw stdout (maybe with
 * journald's {@code <6>} prefix), {@code journalctl} output in its default, short-iso or cat
 * formats, or JSON lines. systemd's own messages about wanctl units (watchdog kills, exits)
 * become {@link LogLine#SYSTEMD} lines, timed like the line before them.
 */
final class LogLineParser {

    private static final Pattern PLAIN = Pattern.compile(
            "(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}) \\[([^\\]]*)] \\[([A-Z]+)] (.*)$");
    private static final Pattern SYSTEMD_UNIT =
            Pattern.compile("\\bwanctl(?:@([A-Za-z0-9_.-]+)|-(steering))\\.service: (.*)$");
    private static final DateTimeFormatter PLAIN_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS", Locale.ROOT);

    private final ZoneId zone;
    private final JsonMapper json = JsonMapper.builder().build();
    private long lastMillis;

    /** {@code zone} is how plain timestamps (local time, no offset) are read. */
    LogLineParser(ZoneId zone) {
        this.zone = zone;
    }

    Optional<LogLine> parse(String raw) {
        int brace = raw.indexOf("{\"");
        if (brace >= 0) {
            Optional<LogLine> line = parseJson(raw.substring(brace));
            if (line.isPresent()) {
                return remember(line.get());
            }
        }
        Matcher plain = PLAIN.matcher(raw);
        if (plain.find()) {
            try {
                long millis = LocalDateTime.parse(plain.group(1), PLAIN_TIME).atZone(zone).toInstant().toEpochMilli();
                return remember(new LogLine(millis, plain.group(2), level(plain.group(3)), plain.group(4)));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        Matcher unit = SYSTEMD_UNIT.matcher(raw);
        if (unit.find()) {
            String wan = unit.group(1) != null ? unit.group(1) : unit.group(2);
            return Optional.of(new LogLine(lastMillis, wan, LogLine.SYSTEMD, unit.group(3)));
        }
        return Optional.empty();
    }

    private Optional<LogLine> parseJson(String text) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JacksonException e) {
            return Optional.empty();
        }
        String message = node.path("message").asString("");
        String time = node.has("@timestamp") ? node.path("@timestamp").asString("") : node.path("timestamp").asString("");
        if (message.isEmpty() || time.isEmpty()) {
            return Optional.empty();
        }
        long millis;
        try {
            millis = OffsetDateTime.parse(time).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        String wan = node.path("wan").asString("");
        if (wan.isEmpty()) {
            int colon = message.indexOf(": ");
            wan = colon > 0 && message.indexOf(' ') > colon ? message.substring(0, colon) : "wanctl";
        }
        return Optional.of(new LogLine(millis, wan, level(node.path("level").asString("INFO")), message));
    }

    private Optional<LogLine> remember(LogLine line) {
        lastMillis = line.epochMillis();
        return Optional.of(line);
    }

    /** The Python reference writes WARNING and CRITICAL; logback writes WARN and ERROR. */
    private static String level(String level) {
        return switch (level) {
            case "WARNING" -> "WARN";
            case "CRITICAL", "FATAL" -> "ERROR";
            default -> level;
        };
    }
}
