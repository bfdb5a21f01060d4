package dev.salesbot.sync.facebook.connect;

import dev.salesbot.sync.queue.control.SyncOutcome;
import dev.salesbot.sync.webhooks.control.TestDelivery;

import java.util.List;
import java.util.UUID;

/**
 * What a Facebook connect did, for the answer: the Pages Facebook listed (no tokens), the ones
 * refused, and for every Page of the merchant its webhook subscription, sync outcome and status.
 */
public record ConnectReport(UUID merchant, List<ListedPage> listed, List<ManagedPages.Refused> refused,
                            List<PageResult> results, TestDelivery.Result webhookTest) {

    public ConnectReport {
        listed = List.copyOf(listed);
        refused = List.copyOf(refused);
        results = List.copyOf(results);
    }

    /** A Page as listed by {@code /me/accounts}, without its token. */
    public record ListedPage(String id, String name, String category) {
    }

    /**
     * One Page of the merchant after the connect. {@code subscription} is null for a Page not in this
     * grant (connected earlier and only re-checked); {@code needsReconnect} is the stored status.
     */
    public record PageResult(String pageId, String name, Subscription subscription, SyncOutcome sync,
                             boolean needsReconnect, String reconnectReason) {
    }

    /** The {@code subscribed_apps} call: {@code ok}, the fields, or why it failed. */
    public record Subscription(boolean ok, List<String> fields, String message) {

        public Subscription {
            fields = List.copyOf(fields);
        }
    }
}
