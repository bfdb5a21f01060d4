package dev.salesbot.sync.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/** An immutable JSON array over one value array (see {@link CompactJson}). */
final class CompactArray extends AbstractList<JsonValue> implements JsonArray, RandomAccess {

    private final JsonValue[] values;

    CompactArray(JsonValue[] values) {
        this.values = values;
    }

    @Override
    public JsonValue get(int index) {
        return values[index];
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public JsonObject getJsonObject(int index) {
        return (JsonObject) values[index];
    }

    @Override
    public JsonArray getJsonArray(int index) {
        return (JsonArray) values[index];
    }

    @Override
    public JsonNumber getJsonNumber(int index) {
        return (JsonNumber) values[index];
    }

    @Override
    public JsonString getJsonString(int index) {
        return (JsonString) values[index];
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends JsonValue> List<T> getValuesAs(Class<T> type) {
        return (List<T>) this;
    }

    @Override
    public String getString(int index) {
        return getJsonString(index).getString();
    }

    @Override
    public String getString(int index, String defaultValue) {
        return index >= 0 && index < values.length && values[index] instanceof JsonString s ? s.getString() : defaultValue;
    }

    @Override
    public int getInt(int index) {
        return getJsonNumber(index).intValue();
    }

    @Override
    public int getInt(int index, int defaultValue) {
        return index >= 0 && index < values.length && values[index] instanceof JsonNumber n ? n.intValue() : defaultValue;
    }

    @Override
    public boolean getBoolean(int index) {
        return switch (values[index].getValueType()) {
            case TRUE -> true;
            case FALSE -> false;
            default -> throw new ClassCastException("element " + index + " is not a boolean");
        };
    }

    @Override
    public boolean getBoolean(int index, boolean defaultValue) {
        if (index < 0 || index >= values.length) {
            return defaultValue;
        }
        ValueType type = values[index].getValueType();
        return type == ValueType.TRUE || (type != ValueType.FALSE && defaultValue);
    }

    @Override
    public boolean isNull(int index) {
        return values[index].getValueType() == ValueType.NULL;
    }

    @Override
    public ValueType getValueType() {
        return ValueType.ARRAY;
    }

    @Override
    public String toString() {
        return JsonTexts.of(this);
    }
}
