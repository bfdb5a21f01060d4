package dev.salesbot.sandbox.facebook;

import java.security.SecureRandom;
import java.util.Base64;

/** Random, unguessable strings for codes, tokens and trace ids, shaped like Meta's. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private Secrets() {
    }

    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return URL_SAFE.encodeToString(b);
    }

    /** Meta's user and page tokens start with "EAA"; products sometimes sniff that prefix. */
    static String accessToken() {
        return "EAA" + random(48).replace('-', 'Z').replace('_', 'Y');
    }

    /** Hex HMAC-SHA256 of {@code token} keyed with {@code appSecret}: Graph's {@code appsecret_proof}. */
    static String appSecretProof(String appSecret, String token) {
        return java.util.HexFormat.of().formatHex(hmac(appSecret, token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    static byte[] hmac(String key, byte[] message) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String fbtraceId() {
        return random(8);
    }
}
