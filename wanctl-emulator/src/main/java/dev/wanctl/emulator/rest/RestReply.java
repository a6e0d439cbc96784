package dev.wanctl.emulator.rest;

import dev.wanctl.emulator.model.Json;
import dev.wanctl.emulator.model.RosError;

/**
 * One REST response: status and body exactly as RouterOS sends them (routeros-api.md §1.7).
 *
 * @param body the JSON text, or empty for no body
 */
record RestReply(int status, String body) {

    static final String UNAUTHORIZED_BODY = "{\"error\":401,\"message\":\"Unauthorized\"}";

    static RestReply json(Object value) {
        return new RestReply(200, Json.write(value));
    }

    /** DELETE's success: 200 with an empty body. */
    static RestReply empty() {
        return new RestReply(200, "");
    }

    static RestReply unauthorized() {
        return new RestReply(401, UNAUTHORIZED_BODY);
    }

    static RestReply notImplemented() {
        return new RestReply(501, "{\"error\":501,\"message\":\"Not Implemented\"}");
    }

    static RestReply serverError(int status) {
        return new RestReply(status, "{\"error\":" + status + ",\"message\":\"" + HttpListener.reason(status) + "\"}");
    }

    static RestReply error(RosError e) {
        String detail = Json.write(e.getMessage());
        return switch (e.kind()) {
            case NOT_FOUND -> new RestReply(404, "{\"error\":404,\"message\":\"Not Found\"}");
            case NOT_ACCEPTABLE -> new RestReply(406,
                    "{\"error\":406,\"message\":\"Not Acceptable\",\"detail\":" + detail + "}");
            case BAD_REQUEST -> new RestReply(400, "{\"detail\":" + detail + ",\"error\":400,\"message\":\"Bad Request\"}");
        };
    }
}
