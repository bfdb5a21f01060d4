package dev.salesbot.sync.shopify.webhooks;

import dev.salesbot.sync.problems.control.Refusal;
import dev.salesbot.sync.security.control.Hmac;
import dev.salesbot.sync.shopify.entity.ShopDomain;
import dev.salesbot.sync.shopify.graphql.ShopifyApps;
import dev.salesbot.sync.webhooks.control.Receipt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The signature is checked on the raw bytes first; nothing is parsed or recorded for a delivery that fails it. */
class ShopifyWebhookReceiptsTest {

    static final String SECRET = "shpss_current_secret_0123456789";
    static final String PREVIOUS = "shpss_previous_secret_9876543210";
    static final String SHOP = "acme-outdoor.myshopify.com";
    static final byte[] BODY = "{\"id\":8100000001784,\"admin_graphql_api_id\":\"gid://shopify/Product/8100000001784\"}"
            .getBytes(StandardCharsets.UTF_8);

    final List<String> recorded = new ArrayList<>();
    final ShopifyWebhookReceipts receipts = new ShopifyWebhookReceipts();

    @BeforeEach
    void wire() {
        receipts.app = ShopifyApps.withSecrets(SECRET, PREVIOUS);
        receipts.intake = new ShopifyIntake() {
            @Override
            public Receipt record(WebhookRecorder.Accepted d) {
                recorded.add(d.topic().header() + " " + d.webhookId() + " " + d.triggeredAt());
                return Receipt.RECORDED;
            }
        };
    }

    @Test
    void acceptsADeliverySignedWithTheSecretOrTheOneBeingRotatedOut() {
        assertThat(receipts.receive(incoming(BODY, sign(SECRET, BODY)))).isEqualTo(Receipt.RECORDED);
        assertThat(receipts.receive(incoming(BODY, sign(PREVIOUS, BODY)))).isEqualTo(Receipt.RECORDED);
        assertThat(recorded).hasSize(2);
    }

    @Test
    void refusesAMissingForgedOrForeignSignatureBeforeParsingAnything() {
        byte[] notJson = "not json at all".getBytes(StandardCharsets.UTF_8);
        for (String hmac : new String[]{null, "", "bm90IGEgc2lnbmF0dXJl", sign("another-apps-secret", notJson), sign(SECRET, BODY)}) {
            assertThatThrownBy(() -> receipts.receive(incoming(notJson, hmac)))
                    .isInstanceOf(Refusal.class)
                    .satisfies(e -> assertThat(((Refusal) e).kind()).isEqualTo(Refusal.Kind.UNAUTHENTICATED));
        }
        assertThat(recorded).isEmpty();
    }

    @Test
    void refusesInvalidJsonAndHostileShopHeadersWithAValidSignature() {
        byte[] broken = "{\"id\": 1,".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> receipts.receive(incoming(broken, sign(SECRET, broken))))
                .isInstanceOf(Refusal.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> receipts.receive(new ShopifyWebhookReceipts.Incoming(BODY, sign(SECRET, BODY), "products/update",
                "evil.com/.myshopify.com", "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043", null))).isInstanceOf(ShopDomain.InvalidShop.class);
        assertThatThrownBy(() -> receipts.receive(new ShopifyWebhookReceipts.Incoming(BODY, sign(SECRET, BODY), "products/update",
                SHOP, "../x", null))).isInstanceOf(Refusal.class).hasMessageContaining("X-Shopify-Webhook-Id");
        assertThat(recorded).isEmpty();
    }

    @Test
    void recognisesItsOwnTestDeliveryAndRecordsNothing() {
        byte[] test = "{\"salesbot_webhook_test\":true,\"shop\":\"acme-outdoor.myshopify.com\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(receipts.receive(incoming(test, sign(SECRET, test)))).isEqualTo(Receipt.TEST);
        assertThat(recorded).isEmpty();
    }

    @Test
    void ignoresATopicItDoesNotListenTo() {
        ShopifyWebhookReceipts.Incoming orders = new ShopifyWebhookReceipts.Incoming(BODY, sign(SECRET, BODY), "orders/create", SHOP,
                "0f6e3c8b-6d54-4e49-9a4c-2d33b0c8f001", null);
        assertThat(receipts.receive(orders)).isEqualTo(Receipt.IGNORED);
        assertThat(recorded).isEmpty();
    }

    @Test
    void aLifecycleOrPrivacyBodyMustNameTheShopOfTheHeader() {
        String other = "other-store.myshopify.com";
        for (String[] row : new String[][]{
                {"app/uninstalled", "{\"myshopify_domain\":\"" + other + "\"}"},
                {"app/uninstalled", "{\"domain\":\"" + SHOP + "\"}"},
                {"shop/redact", "{\"shop_id\":1,\"shop_domain\":\"" + other + "\"}"},
                {"shop/redact", "{\"shop_id\":1,\"shop_domain\":7}"},
                {"customers/redact", "{\"shop_id\":1}"},
                {"customers/data_request", "{\"shop_domain\":\"" + other + "\"}"}}) {
            assertThatThrownBy(() -> receipts.receive(lifecycle(row[0], row[1], null))).as(row[0] + " " + row[1])
                    .isInstanceOf(Refusal.class).hasMessageContaining("must name the shop of X-Shopify-Shop-Domain")
                    .satisfies(e -> assertThat(((Refusal) e).kind()).isEqualTo(Refusal.Kind.BAD_INPUT));
        }
        assertThat(recorded).isEmpty();

        assertThat(receipts.receive(lifecycle("app/uninstalled", "{\"myshopify_domain\":\"ACME-outdoor.myshopify.com\"}", null)))
                .isEqualTo(Receipt.RECORDED);
        assertThat(receipts.receive(lifecycle("shop/redact", "{\"shop_id\":1,\"shop_domain\":\"" + SHOP + "\"}", null)))
                .isEqualTo(Receipt.RECORDED);
        assertThat(recorded).hasSize(2);
    }

    @Test
    void readsWhenTheEventWasTriggeredAndRefusesATimeThatIsNotOne() {
        String body = "{\"myshopify_domain\":\"" + SHOP + "\"}";
        receipts.receive(lifecycle("app/uninstalled", body, "2026-12-07T05:00:00.123456789Z"));
        receipts.receive(lifecycle("app/uninstalled", body, "2026-12-07T00:00:00-05:00"));
        assertThat(recorded).satisfiesExactly(
                first -> assertThat(first).startsWith("app/uninstalled ").endsWith(" 2026-12-07T05:00:00.123456789Z"),
                second -> assertThat(second).endsWith(" 2026-12-07T05:00:00Z"));
        for (String bad : new String[]{"yesterday", "2026-12-07", "2026-12-07T05:00:00", ""}) {
            assertThatThrownBy(() -> receipts.receive(lifecycle("app/uninstalled", body, bad))).as(bad)
                    .isInstanceOf(Refusal.class).hasMessageContaining("X-Shopify-Triggered-At");
        }
        assertThat(recorded).hasSize(2);
    }

    static ShopifyWebhookReceipts.Incoming incoming(byte[] body, String hmac) {
        return new ShopifyWebhookReceipts.Incoming(body, hmac, "products/update", SHOP, "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043", null);
    }

    static ShopifyWebhookReceipts.Incoming lifecycle(String topic, String json, String triggeredAt) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return new ShopifyWebhookReceipts.Incoming(body, sign(SECRET, body), topic, SHOP, "7c1d2e3f-0000-4000-8000-00000000000" + topic.length(),
                triggeredAt);
    }

    static String sign(String secret, byte[] body) {
        return Base64.getEncoder().encodeToString(Hmac.sha256(secret, body));
    }
}
