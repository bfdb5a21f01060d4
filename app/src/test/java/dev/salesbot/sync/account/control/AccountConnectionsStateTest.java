package dev.salesbot.sync.account.control;

import dev.salesbot.sync.merchants.entity.ShopifyConnection;
import dev.salesbot.sync.queue.entity.TargetStatus;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The states a merchant reads, from the connection's own status first (the rest is proved in MerchantPagesTests). */
class AccountConnectionsStateTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-01T12:00:00Z");

    private static ShopifyConnection store() {
        return new ShopifyConnection("words-boutique.myshopify.com", UUID.randomUUID(), NOW);
    }

    @Test
    void aDisconnectedStoreSaysItsCopyIsKept() {
        ShopifyConnection store = store();
        store.disconnect("Disconnected by the merchant; connect again to resume.", NOW);
        AccountConnections.State state = AccountConnections.state(store, null, false);
        assertThat(state.name()).isEqualTo("disconnected");
        assertThat(state.text()).isEqualTo("Disconnected");
        assertThat(state.detail()).contains("keeps its copy until you delete it");
    }

    @Test
    void anUninstalledStoreReadsAsDisconnectedWithWhy() {
        ShopifyConnection store = store();
        store.uninstall(NOW);
        AccountConnections.State state = AccountConnections.state(store, null, true);
        assertThat(state.name()).isEqualTo("disconnected");
        assertThat(state.detail()).contains("removed from your store");
    }

    @Test
    void aStoreThatNeedsTheMerchantSaysWhatToDo() {
        ShopifyConnection store = store();
        store.needsReconnect("Shopify refused the stored access.", NOW);
        AccountConnections.State state = AccountConnections.state(store, null, false);
        assertThat(state.name()).isEqualTo("needs_reconnect");
        assertThat(state.detail()).isEqualTo("Shopify refused the stored access. Connect again to fix it.");
    }

    /** Issue 24: a sync waiting for Shopify's bulk operations says so, and no failure, even after an earlier one. */
    @Test
    void aStoreWaitingForItsBulkOperationsSaysWhatItWaitsFor() {
        String waiting = "Waiting for Shopify's bulk operations of words-boutique.myshopify.com (3 of 5 finished);"
                + " the snapshot is written when they finish.";
        TargetStatus parked = new TargetStatus("words-boutique.myshopify.com") {
            @Override
            public String lastResult() {
                return "PARKED";
            }

            @Override
            public String lastMessage() {
                return waiting;
            }

            @Override
            public int consecutiveFailures() {
                return 1; // an attempt failed before the one that parked
            }
        };

        AccountConnections.State state = AccountConnections.state(store(), parked, true);

        assertThat(state.name()).isEqualTo("updating");
        assertThat(state.detail()).isEqualTo(waiting).doesNotContain("did not work");
    }

    @Test
    void aNewStoreIsUpdatingUntilItsFirstSyncEnds() {
        assertThat(AccountConnections.state(store(), null, true).name()).isEqualTo("updating");
        assertThat(AccountConnections.state(store(), null, false).name()).as("queued but not yet seen").isEqualTo("updating");
    }
}
