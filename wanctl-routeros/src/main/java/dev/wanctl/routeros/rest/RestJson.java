package dev.wanctl.routeros.rest;

import dev.wanctl.routeros.RouterException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON in and out of the REST API. Replies are parsed strictly except for one RouterOS quirk:
 * raw control characters inside strings (seen in comments and names), which are invalid JSON but
 * harmless. Requests carry every value as a JSON string, as RouterOS expects.
 */
final class RestJson {

    private static final JsonMapper MAPPER =
            JsonMapper.builder().enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS).build();

    private RestJson() {}

    /** Parses a reply body; raw control characters inside strings are tolerated. */
    static JsonNode parse(String router, String body) throws RouterException {
        if (body == null || body.isBlank()) {
            throw RouterException.protocol("router " + router + ": empty REST reply where JSON was expected", body);
        }
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw RouterException.protocol("router " + router + ": REST reply is not JSON", body);
        }
    }

    /** A request body {@code {"field":"value"}}, the value always a string. */
    static String stringObject(String field, String value) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put(field, value);
        return MAPPER.writeValueAsString(node);
    }

    /** The string value of {@code field}, or null when absent ({@code comment} is absent when empty). */
    static String optString(JsonNode item, String field) {
        JsonNode v = item.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isValueNode() ? v.asString() : null;
    }

    /** The string value of {@code field}; a PROTOCOL error naming the field when absent. */
    static String string(String router, JsonNode item, String field) throws RouterException {
        String v = optString(item, field);
        if (v == null) {
            throw RouterException.protocol(
                    "router " + router + ": REST reply lacks \"" + field + "\"", item.toString());
        }
        return v;
    }
}
