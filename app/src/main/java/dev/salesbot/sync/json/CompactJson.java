package dev.salesbot.sync.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies fetched JSON into a compact, immutable form for the life of one fetch. A catalog of
 * 10,000 products is about a million JSON values: a provider's tree (a {@code LinkedHashMap} per
 * object, its own key strings, string values kept in builders with spare room) took over 250 MB,
 * more than a worker should need for one shop. Here an object is two arrays whose key array is
 * shared by every object of the same shape, and short repeated strings (option values, prices,
 * statuses) are stored once. The result is a normal {@link JsonValue}: equal to the provider's,
 * read and serialised the same way.
 */
public final class CompactJson {

    /** Longer strings are ids, cursors, descriptions: rarely repeated, not worth a lookup. */
    private static final int SHARED_STRING_MAX_LENGTH = 24;
    /** Bounds on the caches, so that an odd catalog cannot turn them into a leak. */
    private static final int MAX_SHARED_STRINGS = 200_000;
    private static final int MAX_SHAPES = 4_096;

    private final Map<List<String>, String[]> shapes = new HashMap<>();
    private final Map<String, CompactString> strings = new HashMap<>();

    JsonValue copy(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> value instanceof CompactObject ? value : object(value.asJsonObject());
            case ARRAY -> value instanceof CompactArray ? value : array(value.asJsonArray());
            case STRING -> value instanceof CompactString ? value : string(((JsonString) value).getString());
            case TRUE -> JsonValue.TRUE;
            case FALSE -> JsonValue.FALSE;
            case NULL -> JsonValue.NULL;
            case NUMBER -> value;
        };
    }

    public JsonObject object(JsonObject source) {
        String[] keys = source.keySet().toArray(new String[0]);
        JsonValue[] values = new JsonValue[keys.length];
        for (int i = 0; i < keys.length; i++) {
            values[i] = copy(source.get(keys[i]));
        }
        return new CompactObject(shape(keys), values);
    }

    private JsonArray array(JsonArray source) {
        JsonValue[] values = new JsonValue[source.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = copy(source.get(i));
        }
        return new CompactArray(values);
    }

    private String[] shape(String[] keys) {
        String[] shared = shapes.get(Arrays.asList(keys));
        if (shared != null) {
            return shared;
        }
        if (shapes.size() < MAX_SHAPES) {
            shapes.put(List.of(keys), keys);
        }
        return keys;
    }

    private CompactString string(String value) {
        if (value.length() > SHARED_STRING_MAX_LENGTH) {
            return new CompactString(value);
        }
        CompactString shared = strings.get(value);
        if (shared == null) {
            shared = new CompactString(value);
            if (strings.size() < MAX_SHARED_STRINGS) {
                strings.put(value, shared);
            }
        }
        return shared;
    }
}
