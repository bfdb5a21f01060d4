package dev.salesbot.sync.facebook.graph;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** One Graph answer as read off the wire: status, JSON body (empty object if none) and usage. */
public record GraphReply(int status, JsonObject body, Usage usage) {

    public boolean failed() {
        return status >= 400 || body.get("error") instanceof JsonObject;
    }

    /** Graph's error as an exception; {@code what} says what we were doing, for the message. */
    public GraphException error(String what) {
        JsonValue value = body.get("error");
        if (!(value instanceof JsonObject error)) {
            return new GraphException(status, 0, null, "Facebook answered HTTP " + status + " when asked to " + what);
        }
        int code = error.get("code") instanceof JsonNumber n ? n.intValue() : 0;
        Integer subcode = error.get("error_subcode") instanceof JsonNumber n ? n.intValue() : null;
        String message = error.getString("message", "no message");
        return new GraphException(status, code, subcode,
                "Facebook refused to " + what + ": " + message + " (code " + code
                        + (subcode == null ? "" : ", subcode " + subcode) + ")", usage.minutesToRegainAccess());
    }
}
