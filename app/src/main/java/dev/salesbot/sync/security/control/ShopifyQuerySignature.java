package dev.salesbot.sync.security.control;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Shopify's signature on OAuth redirects: the hex HMAC-SHA256, under the app's secret, of every
 * other query parameter sorted by key and joined as {@code k=v&k=v}. Parameters arrive decoded;
 * the message is built from decoded values, as Shopify documents.
 */
public final class ShopifyQuerySignature {

    private ShopifyQuerySignature() {
    }

    public static String message(Map<String, String> parameters) {
        return new TreeMap<>(parameters).entrySet().stream()
                .filter(e -> !e.getKey().equals("hmac") && !e.getKey().equals("signature"))
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
    }

    public static String sign(String secret, Map<String, String> parameters) {
        return Hmac.sha256Hex(secret, message(parameters));
    }

    public static boolean verify(String secret, Map<String, String> parameters) {
        return Hmac.matchesHex(secret, message(parameters).getBytes(StandardCharsets.UTF_8), parameters.get("hmac"));
    }
}
