package dev.salesbot.sandbox.shopify.admin;

import dev.salesbot.sandbox.SandboxJson;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between JSON-P values and the plain maps and lists graphql-java works with, so the
 * sandbox needs no JSON library beyond the platform's JSON-P.
 */
public final class JsonValues {

    private JsonValues() {
    }

    public static Object parse(String json) {
        try (JsonReader reader = SandboxJson.JSON.createReader(new StringReader(json))) {
            return toJava(reader.readValue());
        }
    }

    public static Object parse(InputStream json) {
        try (JsonReader reader = SandboxJson.JSON.createReader(json)) {
            return toJava(reader.readValue());
        }
    }

    public static Object toJava(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                JsonObject object = value.asJsonObject();
                Map<String, Object> map = new LinkedHashMap<>();
                object.forEach((k, v) -> map.put(k, toJava(v)));
                yield map;
            }
            case ARRAY -> {
                JsonArray array = value.asJsonArray();
                List<Object> list = new ArrayList<>(array.size());
                array.forEach(v -> list.add(toJava(v)));
                yield list;
            }
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> {
                JsonNumber n = (JsonNumber) value;
                // graphql-java coerces Int arguments from Integer/Long, Float from Double.
                if (n.isIntegral()) {
                    long l = n.longValue();
                    yield l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Object) (int) l : (Object) l;
                }
                yield n.doubleValue();
            }
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }

    /** JSON text of maps, lists, strings, numbers, booleans and nulls. Map order is kept. */
    public static String write(Object value) {
        return toJson(value).toString();
    }

    public static JsonValue toJson(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue json) {
            return json;
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder builder = SandboxJson.JSON.createObjectBuilder();
            map.forEach((k, v) -> builder.add(String.valueOf(k), toJson(v)));
            return builder.build();
        }
        if (value instanceof Iterable<?> list) {
            JsonArrayBuilder builder = SandboxJson.JSON.createArrayBuilder();
            list.forEach(v -> builder.add(toJson(v)));
            return builder.build();
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return SandboxJson.JSON.createValue(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return SandboxJson.JSON.createValue(big);
        }
        if (value instanceof BigDecimal big) {
            return SandboxJson.JSON.createValue(big);
        }
        if (value instanceof Number n) {
            return SandboxJson.JSON.createValue(n.doubleValue());
        }
        return SandboxJson.JSON.createValue(String.valueOf(value));
    }
}
