package dev.wanctl.emulator.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON in and out for the REST server. */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** A request body as a JSON object (an empty body is an empty object). */
    public static Map<String, JsonNode> readObject(String body) throws RosError {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw RosError.badRequest("JSON parse error");
        }
        if (!node.isObject()) {
            throw RosError.badRequest("JSON object expected");
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        node.forEachEntry(out::put);
        return out;
    }

    /**
     * An argument's value as text. RouterOS documents that numbers are accepted besides strings, so
     * numbers and booleans pass too; arrays and objects do not.
     */
    public static String scalar(String key, JsonNode n) throws RosError {
        if (n.isString() || n.isNumber() || n.isBoolean()) {
            return n.asString();
        }
        if (n.isNull()) {
            return "";
        }
        throw RosError.badRequest("invalid value for argument " + key);
    }

    /** {@code .proplist} / {@code .query}: an array of strings or one comma-separated string. */
    public static List<String> words(JsonNode n, boolean commaSeparated) throws RosError {
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            for (JsonNode e : n.values()) {
                out.add(scalar("list", e));
            }
        } else if (commaSeparated) {
            for (String s : scalar("list", n).split(",")) {
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        } else {
            out.add(scalar("list", n));
        }
        return out;
    }
}
