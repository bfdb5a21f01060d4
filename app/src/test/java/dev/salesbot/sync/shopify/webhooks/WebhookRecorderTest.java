package dev.salesbot.sync.shopify.webhooks;

import dev.salesbot.sync.merchants.control.StoreConnections;
import dev.salesbot.sync.merchants.entity.SealedTokens;
import dev.salesbot.sync.merchants.entity.ShopifyConnection;
import dev.salesbot.sync.queue.control.SyncKind;
import dev.salesbot.sync.queue.control.Syncs;
import dev.salesbot.sync.shopify.entity.ShopDomain;
import dev.salesbot.sync.webhooks.control.Deliveries;
import dev.salesbot.sync.webhooks.control.Receipt;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A batch of Shopify deliveries recorded in one transaction: duplicates within and across batches, one change request per store. */
class WebhookRecorderTest {

    static final ShopDomain ACME = new ShopDomain("acme.myshopify.com");
    static final ShopDomain BETA = new ShopDomain("beta.myshopify.com");
    static final OffsetDateTime CONNECTED = OffsetDateTime.of(2026, 12, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    final Set<String> remembered = new HashSet<>();
    final List<String> requests = new ArrayList<>();
    final WebhookRecorder recorder = new WebhookRecorder();
    int seenQueries;

    @BeforeEach
    void wire() {
        recorder.deliveries = new Deliveries() {
            @Override
            public Set<String> seenAmong(Collection<String> ids) {
                seenQueries++;
                Set<String> seen = new HashSet<>(ids);
                seen.retainAll(remembered);
                return seen;
            }

            @Override
            public void remember(String id, String platform, String source, String topic) {
                assertThat(remembered.add(id)).as("remembered once: " + id).isTrue();
            }
        };
        recorder.connections = new StoreConnections() {
            @Override
            public Optional<ShopifyConnection> findShop(String shop) {
                ShopifyConnection store = new ShopifyConnection(shop, UUID.nameUUIDFromBytes(shop.getBytes()), CONNECTED);
                store.connect(new SealedTokens("v2:access", null, null, null, "read_products"), CONNECTED);
                return Optional.of(store);
            }
        };
        recorder.syncs = new Syncs() {
            @Override
            public void change(SyncKind kind, String target, UUID merchant, String payload, Duration quiet) {
                requests.add(kind + " " + target + " " + payload);
            }
        };
    }

    private static WebhookRecorder.Accepted update(ShopDomain shop, String webhookId, long product) {
        JsonObject body = Json.createObjectBuilder().add("id", product)
                .add("admin_graphql_api_id", "gid://shopify/Product/" + product).build();
        return new WebhookRecorder.Accepted(shop, WebhookTopic.PRODUCTS_UPDATE, webhookId, null, body);
    }

    @Test
    void aDuplicateInsideOneBatchIsRecordedOnce() {
        List<Receipt> receipts = recorder.recordAll(List.of(update(ACME, "w-1", 1), update(ACME, "w-1", 1), update(ACME, "w-2", 2)));

        assertThat(receipts).containsExactly(Receipt.RECORDED, Receipt.DUPLICATE, Receipt.RECORDED);
        assertThat(remembered).containsExactlyInAnyOrder("shopify:w-1", "shopify:w-2");
        assertThat(seenQueries).as("one look-up for the whole batch").isEqualTo(1);
    }

    @Test
    void aDeliveryRecordedInAnEarlierBatchIsADuplicate() {
        recorder.recordAll(List.of(update(ACME, "w-1", 1)));
        requests.clear();

        assertThat(recorder.recordAll(List.of(update(ACME, "w-1", 1), update(ACME, "w-3", 3))))
                .containsExactly(Receipt.DUPLICATE, Receipt.RECORDED);
        assertThat(requests).containsExactly("SHOPIFY_CHANGES acme.myshopify.com products/update|PRODUCT|gid://shopify/Product/3");
    }

    @Test
    void eachStoresChangesInABatchBecomeOnePartialSyncRequest() {
        List<WebhookRecorder.Accepted> batch = new ArrayList<>();
        for (int i = 1; i <= 150; i++) {
            batch.add(update(i % 3 == 0 ? BETA : ACME, "w-" + i, i));
        }
        batch.add(update(ACME, "w-151", 1)); // the same product again: one line

        assertThat(recorder.recordAll(batch)).hasSize(151).containsOnly(Receipt.RECORDED);

        assertThat(requests).hasSize(2);
        String acme = requests.stream().filter(r -> r.contains(" acme.")).findFirst().orElseThrow();
        assertThat(acme.substring(acme.indexOf(' ', acme.indexOf(' ') + 1) + 1).lines()).hasSize(100);
        ChangeSet set = ChangeSet.of(List.of(acme.substring(acme.indexOf(' ', acme.indexOf(' ') + 1) + 1)));
        assertThat(set.products()).hasSize(100).contains("gid://shopify/Product/1", "gid://shopify/Product/149");
    }
}
