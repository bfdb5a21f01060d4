package dev.salesbot.sync.shopify.sync;

import dev.salesbot.sync.merchants.control.StoreConnections;
import dev.salesbot.sync.queue.control.SyncAbandoned;
import dev.salesbot.sync.queue.control.SyncParked;
import dev.salesbot.sync.queue.control.SyncPostponed;
import dev.salesbot.sync.security.control.UnreadableToken;
import dev.salesbot.sync.shopify.entity.ShopDomain;
import dev.salesbot.sync.shopify.graphql.HttpStatusMapper;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyAccessDeniedException;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyQueryException;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyThrottledException;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyUnavailableException;
import dev.salesbot.sync.shopify.oauth.ShopifyReconnectRequired;
import dev.salesbot.sync.storage.control.StorageKey;
import dev.salesbot.sync.storage.control.StorageUnavailableException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every failure of a store sync is either for the merchant (ends at once, store marked) or for later (retried). */
class ShopifyFailuresTest {

    static final ShopDomain SHOP = ShopDomain.parse("acme-outdoor");

    final Map<String, String> marked = new LinkedHashMap<>();
    final ShopifyFailures failures = new ShopifyFailures();

    {
        failures.connections = new StoreConnections() {
            @Override
            public void markNeedsReconnect(String shop, String reason) {
                marked.put(shop, reason);
            }
        };
    }

    @Test
    void aRefusedTokenNeedsTheMerchant() {
        assertNeedsMerchant(HttpStatusMapper.forStatus(401, null, java.time.Instant.now()), "connect the store again");
    }

    @Test
    void accessDeniedNeedsTheMerchantAndNamesTheScope() {
        assertNeedsMerchant(new ShopifyAccessDeniedException(SHOP.value(), "CatalogCodeDiscounts",
                List.of("Access denied for discountNodes field."), List.of("Apps must have `read_discounts` access scope.")),
                "read_discounts");
    }

    /** Issue 22: a wrong key never disconnects a merchant; the sync waits for the right one. */
    @Test
    void aTokenNoConfiguredKeyOpensIsRetriedAndTheStoreStaysActive() {
        RuntimeException classified = failures.classify(SHOP, new UnreadableToken("no configured key opens it", null));

        assertThat(classified).isInstanceOf(SyncPostponed.class)
                .hasMessageStartingWith("stored token unreadable: check TOKEN_ENCRYPTION_KEY").hasMessageContaining(SHOP.value());
        assertThat(marked).isEmpty();
    }

    @Test
    void aFrozenGoneOrLockedStoreNeedsTheMerchant() {
        assertNeedsMerchant(HttpStatusMapper.forStatus(402, null, java.time.Instant.now()), "frozen");
        assertNeedsMerchant(HttpStatusMapper.forStatus(404, null, java.time.Instant.now()), "no store");
        assertNeedsMerchant(HttpStatusMapper.forStatus(423, null, java.time.Instant.now()), "locked");
    }

    @Test
    void anUnusableTokenNeedsTheMerchant() {
        assertNeedsMerchant(new ShopifyReconnectRequired("The refresh token of acme-outdoor.myshopify.com expired on 2026-11-01; connect the store again."),
                "expired");
    }

    @Test
    void anyOtherQueryErrorEndsAtOnceWithoutMarkingTheStore() {
        RuntimeException classified = failures.classify(SHOP, new ShopifyQueryException(SHOP.value(), "CatalogProducts",
                List.of("Field 'colour' doesn't exist on type 'Product'")));
        assertThat(classified).isInstanceOf(SyncAbandoned.class).hasMessageContaining("colour");
        assertThat(marked).isEmpty();
    }

    @Test
    void throttlingOutagesAndStorageAreRetriedLaterHonouringRetryAfter() {
        RuntimeException throttled = failures.classify(SHOP, new ShopifyThrottledException("HTTP 429", Duration.ofSeconds(90)));
        assertThat(throttled).isInstanceOf(SyncPostponed.class);
        assertThat(((SyncPostponed) throttled).retryAfter()).contains(Duration.ofSeconds(90));
        assertThat(failures.classify(SHOP, new ShopifyUnavailableException("Shopify Admin API unavailable (HTTP 503)")))
                .isInstanceOf(SyncPostponed.class);
        RuntimeException storage = failures.classify(SHOP, new StorageUnavailableException("write",
                StorageKey.shopifySnapshot(UUID.randomUUID()), "the storage service could not be reached", new IOException("refused")));
        assertThat(storage).isInstanceOf(SyncPostponed.class).hasMessageContaining("could not be reached");
        assertThat(marked).isEmpty();
    }

    /** Issue 24: waiting for Shopify's bulk operations is no failure: it reaches the worker as it is, the store unmarked. */
    @Test
    void aSyncParkedForBulkOperationsPassesAsItIs() {
        SyncParked parked = new SyncParked("Waiting for Shopify's bulk operations of " + SHOP + " (0 of 5 finished).", Duration.ofSeconds(4));

        assertThat(failures.classify(SHOP, parked)).isSameAs(parked);
        assertThat(marked).isEmpty();
    }

    private void assertNeedsMerchant(RuntimeException failure, String mentions) {
        marked.clear();
        RuntimeException classified = failures.classify(SHOP, failure);
        assertThat(classified).isInstanceOf(SyncAbandoned.class).hasMessageContaining(mentions);
        assertThat(marked).containsOnlyKeys(SHOP.value());
        assertThat(marked.get(SHOP.value())).isEqualTo(classified.getMessage());
    }
}
