package dev.salesbot.sync.account.control;

import dev.salesbot.sync.queue.control.SyncProgresses;
import dev.salesbot.sync.webhooks.control.TestDelivery;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 25, item 5: the checks a result page follows say what the connection's state says, and none is pending once it is done. */
class ConnectionChecksTest {

    private static final String SHOP = "story-boutique.myshopify.com";
    private static final OffsetDateTime WRITTEN = OffsetDateTime.parse("2026-12-07T12:00:00Z");
    private static final Map<String, Long> COUNTS = Map.of("products", 150L, "variants", 300L, "discounts", 4L, "collections", 6L);
    private static final TestDelivery.Result REGISTERING =
            new TestDelivery.Result("pending", "The webhook subscriptions are registered by the first sync, which is still running.");
    private static final TestDelivery.Result DELIVERED = new TestDelivery.Result("success", null);

    private static AccountConnection store(String state, String text, String detail, OffsetDateTime lastUpdate, boolean active) {
        return new AccountConnection("c-1", "shopify", SHOP, SHOP, state, text, detail, lastUpdate,
                lastUpdate == null ? Map.of() : COUNTS, state.equals("updating") ? new SyncProgresses.Progress(30, 150) : null, active);
    }

    private static AccountConnection upToDate() {
        return store("up_to_date", "Up to date", "", WRITTEN, true);
    }

    @Test
    void whileTheFirstSyncRunsBothChecksArePending() {
        Map<String, ConnectionChecks.Check> checks =
                ConnectionChecks.of(store("updating", "Updating", "", null, true), () -> REGISTERING);
        assertThat(checks.keySet()).containsExactly("upload_status", "webhook_test");
        assertThat(checks.get("upload_status").status()).isEqualTo("pending");
        assertThat(checks.get("webhook_test").status()).isEqualTo("pending");
        assertThat(checks.get("webhook_test").text()).startsWith("Not checked yet: The webhook subscriptions are registered");
    }

    @Test
    void anUpToDateStoreHasItsWebhookCheckDone() {
        Map<String, ConnectionChecks.Check> checks = ConnectionChecks.of(upToDate(), () -> DELIVERED);
        assertThat(checks.get("upload_status")).isEqualTo(
                new ConnectionChecks.Check("success", null, "Done: the bot's copy is written; what it holds is shown above."));
        assertThat(checks.get("webhook_test"))
                .isEqualTo(new ConnectionChecks.Check("success", null, "Working: changes in your store reach the bot within seconds."));
    }

    @Test
    void subscriptionsTheSyncCouldNotMakeFailWithTheirReason() {
        String problem = "Not subscribed: products/update: Address for this topic has already been taken";
        ConnectionChecks.Check webhooks = ConnectionChecks.of(upToDate(), () -> TestDelivery.Result.failed(problem)).get("webhook_test");
        assertThat(webhooks.status()).isEqualTo("failed");
        assertThat(webhooks.message()).isEqualTo(problem);
        assertThat(webhooks.text()).startsWith("Not working yet: " + problem).endsWith("The daily check still keeps the bot up to date.");
    }

    @Test
    void noCheckIsPendingOnceTheStateIsNoLongerUpdating() {
        String why = "The bot's copy could not be made: Shopify answered 500 three times. Connect again, or contact the people"
                + " who run this service with the time it happened.";
        for (AccountConnection done : new AccountConnection[]{upToDate(), store("failed", "Not updated", why, null, true),
                store("needs_reconnect", "Needs reconnect", "Our access stopped working. Connect again to fix it.", null, false),
                store("disconnected", "Disconnected", "The bot keeps its copy until you delete it.", WRITTEN, false)}) {
            // A sync that ended before it registered the subscriptions leaves them unchecked.
            Map<String, ConnectionChecks.Check> checks = ConnectionChecks.of(done, () -> REGISTERING);
            assertThat(checks.values()).as(done.state()).extracting(ConnectionChecks.Check::status).doesNotContain("pending");
        }
        Map<String, ConnectionChecks.Check> failed = ConnectionChecks.of(store("failed", "Not updated", why, null, true), () -> REGISTERING);
        assertThat(failed.get("upload_status")).isEqualTo(new ConnectionChecks.Check("failed", why, "Not updated: " + why));
        assertThat(failed.get("webhook_test").message()).isEqualTo(
                "The first sync ended before it registered the webhook subscriptions; the store's status above says why.");
    }

    @Test
    void anInactiveStoreIsNotSentATestDelivery() {
        Supplier<TestDelivery.Result> none = () -> {
            throw new AssertionError("no test delivery for a store that is not connected");
        };
        ConnectionChecks.Check webhooks = ConnectionChecks.of(
                store("needs_reconnect", "Needs reconnect", "Our access stopped working. Connect again to fix it.", WRITTEN, false), none)
                .get("webhook_test");
        assertThat(webhooks.status()).isEqualTo("failed");
        assertThat(webhooks.text()).isEqualTo("Not working: The store is not connected (Needs reconnect): Our access stopped working. "
                + "Connect again to fix it.");
    }

    @Test
    void aPageHasItsCopyCheckedAndNoWebhookCheckOfItsOwn() {
        AccountConnection page = new AccountConnection("p-1", "facebook", "104729384756", "Story Boutique", "up_to_date", "Up to date",
                "", WRITTEN, Map.of("page", 1L), null, true);
        Map<String, ConnectionChecks.Check> checks = ConnectionChecks.of(page, () -> {
            throw new AssertionError("the Pages' webhook check is the app's, made at the connect");
        });
        assertThat(checks.keySet()).containsExactly("upload_status");
        assertThat(checks.get("upload_status").text()).isEqualTo("Done: the Page's details are stored.");
    }
}
