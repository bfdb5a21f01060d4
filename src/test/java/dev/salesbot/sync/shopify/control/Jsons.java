package dev.salesbot.sync.shopify.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Between JSON-P values and the plain Java maps and lists graphql-java works with. */
final class Jsons {

    private Jsons() {
    }

    static Object toJava(JsonValue value) {
        if (value instanceof JsonObject object) {
            Map<String, Object> map = new LinkedHashMap<>();
            object.forEach((k, v) -> map.put(k, toJava(v)));
            return map;
        }
        if (value instanceof JsonArray array) {
            List<Object> list = new ArrayList<>();
            array.forEach(v -> list.add(toJava(v)));
            return list;
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonNumber number) {
            return number.isIntegral() ? (Object) number.intValue() : number.bigDecimalValue();
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> toMap(JsonObject object) {
        return (Map<String, Object>) toJava(object);
    }

    static JsonValue toJson(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder builder = Json.createObjectBuilder();
            map.forEach((k, v) -> builder.add(String.valueOf(k), toJson(v)));
            return builder.build();
        }
        if (value instanceof Iterable<?> list) {
            JsonArrayBuilder builder = Json.createArrayBuilder();
            list.forEach(v -> builder.add(toJson(v)));
            return builder.build();
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long) {
            return Json.createValue(((Number) value).longValue());
        }
        if (value instanceof Number n) {
            return Json.createValue(new BigDecimal(n.toString()));
        }
        return Json.createValue(value.toString());
    }
}
