package dev.salesbot.sync.security.control;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

public class ShopifyQuerySignatureTest {

    /** Shopify's published OAuth example (secret "hush"). */
    public static final String SECRET = "hush";
    public static final Map<String, String> SHOPIFY_EXAMPLE = Map.of(
            "code", "0907a61c0c8d55e99db179b68161bc00",
            "shop", "some-shop.myshopify.com",
            "state", "0.6784241404160823",
            "timestamp", "1337178173",
            "hmac", "700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf");

    @Test
    void buildsTheMessageFromTheOtherParametersSortedByKey() {
        assertThat(ShopifyQuerySignature.message(SHOPIFY_EXAMPLE)).isEqualTo(
                "code=0907a61c0c8d55e99db179b68161bc00&shop=some-shop.myshopify.com&state=0.6784241404160823&timestamp=1337178173");
    }

    @Test
    void reproducesShopifysPublishedHmac() {
        assertThat(ShopifyQuerySignature.sign(SECRET, SHOPIFY_EXAMPLE)).isEqualTo(SHOPIFY_EXAMPLE.get("hmac"));
        assertThat(ShopifyQuerySignature.verify(SECRET, SHOPIFY_EXAMPLE)).isTrue();
    }

    @Test
    void acceptsTheHmacInUpperCaseHex() {
        Map<String, String> upper = new HashMap<>(SHOPIFY_EXAMPLE);
        upper.put("hmac", SHOPIFY_EXAMPLE.get("hmac").toUpperCase());
        assertThat(ShopifyQuerySignature.verify(SECRET, upper)).isTrue();
    }

    @Test
    void rejectsAnyChangedParameter() {
        Map<String, String> changed = new HashMap<>(SHOPIFY_EXAMPLE);
        changed.put("shop", "other-shop.myshopify.com");
        assertThat(ShopifyQuerySignature.verify(SECRET, changed)).isFalse();
    }

    @Test
    void rejectsAnotherSecretAMissingOrMalformedHmac() {
        assertThat(ShopifyQuerySignature.verify("not-hush", SHOPIFY_EXAMPLE)).isFalse();
        Map<String, String> noHmac = new HashMap<>(SHOPIFY_EXAMPLE);
        noHmac.remove("hmac");
        assertThat(ShopifyQuerySignature.verify(SECRET, noHmac)).isFalse();
        noHmac.put("hmac", "zz" + "0".repeat(62));
        assertThat(ShopifyQuerySignature.verify(SECRET, noHmac)).isFalse();
    }

    @Test
    void checksBase64SignaturesOfRawBytes() {
        byte[] body = "{\"id\":1}".getBytes();
        String signature = java.util.Base64.getEncoder().encodeToString(Hmac.sha256("secret", body));
        assertThat(Hmac.matchesBase64("secret", body, signature)).isTrue();
        assertThat(Hmac.matchesBase64("secret", "{\"id\":2}".getBytes(), signature)).isFalse();
        assertThat(Hmac.matchesBase64("secret", body, "not base64!")).isFalse();
    }
}
