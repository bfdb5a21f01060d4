package dev.salesbot.sync.json;

import jakarta.json.JsonString;

/** A JSON string holding only its {@link String} (see {@link CompactJson}); equal to any provider's. */
final class CompactString implements JsonString {

    private final String value;

    CompactString(String value) {
        this.value = value;
    }

    @Override
    public String getString() {
        return value;
    }

    @Override
    public CharSequence getChars() {
        return value;
    }

    @Override
    public ValueType getValueType() {
        return ValueType.STRING;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonString s && value.equals(s.getString());
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return JsonTexts.of(this);
    }
}
