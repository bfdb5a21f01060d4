package dev.salesbot.sync.facebook.connect;

import dev.salesbot.sync.facebook.graph.GraphClient;
import dev.salesbot.sync.facebook.graph.GraphException;
import dev.salesbot.sync.facebook.graph.PageTokens;
import dev.salesbot.sync.facebook.webhooks.AppWebhookSubscription;
import dev.salesbot.sync.facebook.webhooks.FacebookWebhookCheck;
import dev.salesbot.sync.merchants.control.PageConnections;
import dev.salesbot.sync.merchants.entity.FacebookPageConnection;
import dev.salesbot.sync.queue.control.SyncOutcome;
import dev.salesbot.sync.queue.control.Syncs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The second half of the callback, once the user's Pages are known: every Page is recorded with
 * its sealed token and its sync request first, in one transaction ({@link PageRegistrations}),
 * then subscribed to the app's webhook fields; the answer then waits once, bounded, for all the
 * syncs together. Pages the merchant connected before but that are not in this grant are synced
 * too, so that the answer tells the truth about every Page — a revoked or expired token shows up
 * here as "needs reconnect" rather than silently later.
 */
@ApplicationScoped
public class PageConnect {

    /** How long the answer waits for all syncs together; what is not done by then shows as pending. */
    static final Duration SYNC_WAIT = Duration.ofSeconds(20);
    private static final System.Logger LOGGER = System.getLogger(PageConnect.class.getName());

    /** What a connect recorded: the listing, each Page's subscription, the app's, and the tickets of the syncs. */
    public record Recorded(UUID merchant, List<ConnectReport.ListedPage> listed, List<ManagedPages.Refused> refused,
                           Map<String, ConnectReport.Subscription> subscriptions, AppWebhookSubscription.State appSubscription,
                           Map<String, Syncs.Ticket> syncs) {
    }

    @Inject
    dev.salesbot.sync.queue.control.TargetStatuses statuses;

    @Inject
    PageConnections connections;

    @Inject
    PageRegistrations registrations;

    @Inject
    PageTokens tokens;

    @Inject
    GraphClient graph;

    @Inject
    Syncs syncs;

    @Inject
    AppWebhookSubscription appSubscription;

    @Inject
    FacebookWebhookCheck selfTest;

    /** @param userId the app-scoped id of the Facebook user who granted the Pages (Meta's callbacks name them by it) */
    public Recorded record(UUID merchant, String userId, ManagedPages.Listing listing) {
        List<PageRegistrations.SealedPage> sealed = new ArrayList<>();
        List<ConnectReport.ListedPage> listed = new ArrayList<>();
        for (ManagedPages.Granted page : listing.granted()) {
            sealed.add(new PageRegistrations.SealedPage(page.id(), page.name(), tokens.seal(page.id(), page.token()), userId));
            listed.add(new ConnectReport.ListedPage(page.id(), page.name(), page.category()));
        }
        Map<String, Syncs.Ticket> tickets = registrations.record(merchant, sealed);
        listing.granted().forEach(page -> LOGGER.log(System.Logger.Level.INFO,
                "Connected Facebook Page {0} for merchant {1}", page.id(), merchant));
        AppWebhookSubscription.State app = appSubscription.ensure();
        Map<String, ConnectReport.Subscription> subscriptions = new LinkedHashMap<>();
        for (ManagedPages.Granted page : listing.granted()) {
            subscriptions.put(page.id(), subscribe(page));
        }
        return new Recorded(merchant, listed, listing.refused(), subscriptions, app, tickets);
    }

    /** Waits once (at most {@link #SYNC_WAIT}) for every recorded sync, then reports every Page of the merchant. */
    public ConnectReport finish(Recorded recorded) {
        Map<Syncs.Ticket, SyncOutcome> waited = syncs.awaitAll(List.copyOf(recorded.syncs().values()), SYNC_WAIT);
        Map<String, SyncOutcome> outcomes = new LinkedHashMap<>();
        recorded.syncs().forEach((pageId, ticket) -> {
            outcomes.put(pageId, waited.get(ticket));
            LOGGER.log(System.Logger.Level.INFO, "Sync result for page {0}: {1}", pageId, waited.get(ticket).status());
        });
        List<ConnectReport.PageResult> results = new ArrayList<>();
        for (FacebookPageConnection now : connections.ofMerchant(recorded.merchant())) {
            boolean needsReconnect = !now.active();
            SyncOutcome outcome = outcomes.getOrDefault(now.pageId(), SyncOutcome.failed(
                    "Not synced: the Page needs to be reconnected. " + now.statusReason()));
            results.add(new ConnectReport.PageResult(now.pageId(), now.pageName(), recorded.subscriptions().get(now.pageId()),
                    outcome, needsReconnect, needsReconnect ? now.statusReason() : null));
        }
        return new ConnectReport(recorded.merchant(), recorded.listed(), recorded.refused(), results,
                selfTest.run(recorded.appSubscription()));
    }

    /** Read first: a Page already subscribed to exactly these fields is left as it is. */
    private ConnectReport.Subscription subscribe(ManagedPages.Granted page) {
        try {
            List<String> wanted = graph.app().webhookFields();
            if (new java.util.HashSet<>(graph.subscribedFields(page.id(), page.token())).equals(new java.util.HashSet<>(wanted))) {
                LOGGER.log(System.Logger.Level.INFO, "Webhook subscription for ''{0}'' already exists for page {1}",
                        String.join(",", wanted), page.id());
                statuses.webhooksChecked(page.id(), wanted, wanted);
                return new ConnectReport.Subscription(true, wanted, null);
            }
            List<String> fields = graph.subscribe(page.id(), page.token());
            statuses.webhooksChecked(page.id(), fields, wanted);
            LOGGER.log(System.Logger.Level.INFO, "Webhook subscription for page {0}: {1}", page.id(), String.join(",", fields));
            return new ConnectReport.Subscription(true, fields, null);
        } catch (GraphException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Webhook subscription for page {0} failed: {1}", page.id(), e.getMessage());
            return new ConnectReport.Subscription(false, List.of(), e.getMessage());
        }
    }
}
