package dev.salesbot.sync.storage.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The one serialisation of a snapshot: UTF-8, object keys sorted (by UTF-16 code units, as in
 * RFC 8785), no insignificant whitespace, numbers in the form the {@link JsonNumber} gives. The
 * same content always gives the same bytes, so its SHA-256 decides whether an upload is needed.
 *
 * <p>Written by hand rather than through a {@code JsonGenerator}: generators differ between
 * providers (Parsson, Yasson's, Jackson-backed) in escaping and number output, and a change of
 * application server must not make every stored snapshot look changed.
 */
public final class CanonicalJson {

    private static final HexFormat HEX = HexFormat.of();

    private CanonicalJson() {
    }

    public static byte[] bytes(JsonValue value) {
        Objects.requireNonNull(value, "value");
        var out = new Utf8Chunks();
        write(value, out);
        return out.toByteArray();
    }

    /** Lower-case hex SHA-256, the form kept in object metadata and sidecar files. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE implementation must provide SHA-256.
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static void write(JsonValue value, Utf8Chunks out) {
        switch (value.getValueType()) {
            case OBJECT -> writeObject(value.asJsonObject(), out);
            case ARRAY -> writeArray(value.asJsonArray(), out);
            case STRING -> writeString(((JsonString) value).getString(), out);
            case NUMBER -> out.ascii(((JsonNumber) value).toString());
            case TRUE -> out.ascii("true");
            case FALSE -> out.ascii("false");
            case NULL -> out.ascii("null");
        }
    }

    private static void writeObject(JsonObject object, Utf8Chunks out) {
        out.ascii('{');
        var first = true;
        for (var name : object.keySet().stream().sorted().toList()) {
            if (!first) {
                out.ascii(',');
            }
            first = false;
            writeString(name, out);
            out.ascii(':');
            write(object.get(name), out);
        }
        out.ascii('}');
    }

    private static void writeArray(JsonArray array, Utf8Chunks out) {
        out.ascii('[');
        for (int i = 0; i < array.size(); i++) {
            if (i > 0) {
                out.ascii(',');
            }
            write(array.get(i), out);
        }
        out.ascii(']');
    }

    private static void writeString(String s, Utf8Chunks out) {
        out.ascii('"');
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            int width = 1;
            switch (c) {
                case '"' -> out.ascii("\\\"");
                case '\\' -> out.ascii("\\\\");
                case '\b' -> out.ascii("\\b");
                case '\f' -> out.ascii("\\f");
                case '\n' -> out.ascii("\\n");
                case '\r' -> out.ascii("\\r");
                case '\t' -> out.ascii("\\t");
                default -> {
                    if (c < 0x20 || isLoneSurrogate(s, i)) {
                        // A lone surrogate has no UTF-8 form; escaping keeps it lossless.
                        out.ascii(String.format("\\u%04x", (int) c));
                    } else {
                        width = out.codePoint(s, i);
                    }
                }
            }
            i += width;
        }
        out.ascii('"');
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
