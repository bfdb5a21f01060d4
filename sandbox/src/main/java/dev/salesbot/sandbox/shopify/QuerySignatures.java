package dev.salesbot.sandbox.shopify;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How Shopify signs the query of a browser it sends to the app (the OAuth redirect back, the App
 * URL's launch from the admin): the hex HMAC-SHA256, under the app's secret, of every parameter
 * sorted by key and joined as {@code k=v&k=v}, added as {@code hmac}.
 */
final class QuerySignatures {

    private QuerySignatures() {
    }

    /** {@code params} with their {@code hmac}, sorted by key. */
    static Map<String, String> signed(Map<String, String> params, String secret) {
        Map<String, String> sorted = new TreeMap<>(params);
        sorted.put("hmac", hmacHex(secret, sorted.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"))));
        return sorted;
    }

    /** The {@code host} parameter: the store's admin address, base64url without padding, as Shopify sends it. */
    static String host(String shop) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("admin.shopify.com/store/" + shop.replace(".myshopify.com", "")).getBytes(StandardCharsets.UTF_8));
    }

    private static String hmacHex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
