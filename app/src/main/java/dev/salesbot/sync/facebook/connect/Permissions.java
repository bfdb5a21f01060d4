package dev.salesbot.sync.facebook.connect;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Partial grants: the Login dialog lets a user untick permissions, and the code exchange succeeds
 * anyway. {@code /me/permissions} tells which ones were actually granted.
 */
public final class Permissions {

    private Permissions() {
    }

    /** The required permissions that {@code /me/permissions} does not list as granted, in the order required. */
    public static List<String> missing(JsonObject answer, List<String> required) {
        Set<String> granted = new HashSet<>();
        if (answer.get("data") instanceof jakarta.json.JsonArray data) {
            for (JsonValue entry : data) {
                if (entry instanceof JsonObject permission
                        && permission.get("permission") instanceof JsonString name
                        && "granted".equals(permission.getString("status", ""))) {
                    granted.add(name.getString());
                }
            }
        }
        return required.stream().filter(p -> !granted.contains(p)).toList();
    }
}
