package dev.salesbot.sync.security.control;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/**
 * HMAC-SHA256 and the only place signatures are compared: {@link MessageDigest#isEqual} is
 * constant-time, so a forger learns nothing from how long a rejection takes.
 */
public final class Hmac {

    private static final HexFormat HEX = HexFormat.of();

    private Hmac() {
    }

    public static byte[] sha256(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    public static byte[] sha256(String key, byte[] message) {
        return sha256(key.getBytes(StandardCharsets.UTF_8), message);
    }

    public static String sha256Hex(String key, String message) {
        return HEX.formatHex(sha256(key, message.getBytes(StandardCharsets.UTF_8)));
    }

    /** True when {@code signature} is the HMAC of {@code message} under {@code key}. */
    public static boolean matches(byte[] key, byte[] message, byte[] signature) {
        return signature != null && MessageDigest.isEqual(sha256(key, message), signature);
    }

    /** Constant-time equality of two secrets or digests (a verify token, a session hash). */
    public static boolean sameBytes(byte[] a, byte[] b) {
        return a != null && b != null && MessageDigest.isEqual(a, b);
    }

    /** True when {@code hex} is the hex HMAC of {@code message}; malformed hex is simply false. */
    public static boolean matchesHex(String key, byte[] message, String hex) {
        if (hex == null || hex.length() != 64) {
            return false;
        }
        byte[] given;
        try {
            given = HEX.parseHex(hex.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sha256(key, message), given);
    }

    /** True when {@code base64} is the base64 HMAC of {@code message} (Shopify webhooks). */
    public static boolean matchesBase64(String key, byte[] message, String base64) {
        if (base64 == null) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sha256(key, message), given);
    }
}
