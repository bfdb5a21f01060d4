package dev.salesbot.sync.json;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.List;

/** Reading and replacing a value at a key path inside immutable JSON-P objects. */
public final class JsonPaths {

    private JsonPaths() {
    }

    /** The value at {@code path}, or null when any step is missing or not an object. */
    public static JsonValue at(JsonObject root, List<String> path) {
        JsonValue current = root;
        for (String key : path) {
            if (!(current instanceof JsonObject object) || !object.containsKey(key)) {
                return null;
            }
            current = object.get(key);
        }
        return current;
    }

    /** A copy of {@code root} with {@code value} at {@code path}; every step but the last must exist. */
    public static JsonObject with(JsonObject root, List<String> path, JsonValue value) {
        String key = path.get(0);
        if (path.size() == 1) {
            return Jsonp.createObjectBuilder(root).add(key, value).build();
        }
        JsonObject child = root.getJsonObject(key);
        return Jsonp.createObjectBuilder(root).add(key, with(child, path.subList(1, path.size()), value)).build();
    }
}
