package dev.salesbot.sandbox.shopify;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox signs the browser's way back and the admin's launch as Shopify does. */
class QuerySignaturesTest {

    @Test
    void reproducesShopifysPublishedOAuthExample() {
        Map<String, String> signed = QuerySignatures.signed(Map.of(
                "code", "0907a61c0c8d55e99db179b68161bc00",
                "shop", "some-shop.myshopify.com",
                "state", "0.6784241404160823",
                "timestamp", "1337178173"), "hush");

        assertThat(signed.get("hmac")).isEqualTo("700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf");
        assertThat(signed.keySet()).containsExactly("code", "hmac", "shop", "state", "timestamp");
    }

    @Test
    void signsALaunchOverEveryParameterItCarries() {
        Map<String, String> launch = Map.of("host", QuerySignatures.host("pine-crest.myshopify.com"),
                "shop", "pine-crest.myshopify.com", "timestamp", "1796688000");

        String hmac = QuerySignatures.signed(launch, "sandbox-secret").get("hmac");

        assertThat(hmac).matches("[0-9a-f]{64}");
        assertThat(QuerySignatures.signed(Map.of("shop", "pine-crest.myshopify.com", "timestamp", "1796688000"), "sandbox-secret")
                .get("hmac")).as("host is signed too").isNotEqualTo(hmac);
        assertThat(QuerySignatures.signed(launch, "another-secret").get("hmac")).isNotEqualTo(hmac);
    }

    @Test
    void theHostIsTheStoresAdminAddressInBase64UrlWithoutPadding() {
        String host = QuerySignatures.host("pine-crest.myshopify.com");
        assertThat(host).doesNotContain("=", "+", "/");
        assertThat(new String(Base64.getUrlDecoder().decode(host), StandardCharsets.UTF_8)).isEqualTo("admin.shopify.com/store/pine-crest");
    }
}
