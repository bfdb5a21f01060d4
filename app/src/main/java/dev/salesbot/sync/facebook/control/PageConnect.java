package dev.salesbot.sync.facebook.control;

import dev.salesbot.sync.merchants.control.PageConnections;
import dev.salesbot.sync.merchants.entity.FacebookPageConnection;
import dev.salesbot.sync.sync.control.SyncKind;
import dev.salesbot.sync.sync.control.SyncOutcome;
import dev.salesbot.sync.sync.control.Syncs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The second half of the callback, once the user's Pages are known: store each Page with its
 * token sealed, subscribe it to the app's webhook fields, and sync it through the sync engine.
 * Pages the merchant connected before but that are not in this grant are synced too, so that the
 * answer tells the truth about every Page — a revoked or expired token shows up here as "needs
 * reconnect" rather than silently later.
 */
@ApplicationScoped
public class PageConnect {

    /** How long the answer waits for all syncs together; what is not done by then shows as pending. */
    static final Duration SYNC_WAIT = Duration.ofSeconds(20);
    private static final Duration MIN_WAIT = Duration.ofSeconds(1);
    private static final System.Logger LOGGER = System.getLogger(PageConnect.class.getName());

    @Inject
    PageConnections connections;

    @Inject
    PageTokens tokens;

    @Inject
    GraphClient graph;

    @Inject
    Syncs syncs;

    public ConnectReport connect(UUID merchant, AccountPages.Listing listing) {
        Map<String, ConnectReport.Subscription> subscriptions = new LinkedHashMap<>();
        List<ConnectReport.ListedPage> listed = new ArrayList<>();
        for (AccountPages.Granted page : listing.granted()) {
            connections.connect(page.id(), merchant, page.name(), tokens.seal(page.id(), page.token()));
            listed.add(new ConnectReport.ListedPage(page.id(), page.name(), page.category()));
            LOGGER.log(System.Logger.Level.INFO, "Connected Facebook Page {0} for merchant {1}", page.id(), merchant);
        }
        for (AccountPages.Granted page : listing.granted()) {
            subscriptions.put(page.id(), subscribe(page));
        }
        Instant deadline = Instant.now().plus(SYNC_WAIT);
        Map<String, SyncOutcome> outcomes = new LinkedHashMap<>();
        for (FacebookPageConnection connection : toSync(merchant, subscriptions.keySet())) {
            Duration left = Duration.between(Instant.now(), deadline);
            SyncOutcome outcome = syncs.requestAndWait(SyncKind.FACEBOOK_PAGE, connection.pageId(), merchant,
                    left.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : left);
            outcomes.put(connection.pageId(), outcome);
            LOGGER.log(System.Logger.Level.INFO, "Sync result for page {0}: {1}", connection.pageId(), outcome.status());
        }
        List<ConnectReport.PageResult> results = new ArrayList<>();
        for (FacebookPageConnection now : connections.ofMerchant(merchant)) {
            boolean needsReconnect = now.status() == FacebookPageConnection.Status.NEEDS_RECONNECT;
            SyncOutcome outcome = outcomes.getOrDefault(now.pageId(), SyncOutcome.failed(
                    "Not synced: the Page needs to be reconnected. " + now.statusReason()));
            results.add(new ConnectReport.PageResult(now.pageId(), now.pageName(), subscriptions.get(now.pageId()),
                    outcome, needsReconnect, needsReconnect ? now.statusReason() : null));
        }
        return new ConnectReport(merchant, listed, listing.refused(), results);
    }

    /** This grant's Pages, then the merchant's other Pages that are still active. */
    private List<FacebookPageConnection> toSync(UUID merchant, Set<String> granted) {
        List<FacebookPageConnection> all = connections.ofMerchant(merchant);
        List<FacebookPageConnection> ordered = new ArrayList<>(all.stream().filter(c -> granted.contains(c.pageId())).toList());
        all.stream()
                .filter(c -> !granted.contains(c.pageId()))
                .filter(c -> c.status() == FacebookPageConnection.Status.ACTIVE)
                .forEach(ordered::add);
        return ordered;
    }

    private ConnectReport.Subscription subscribe(AccountPages.Granted page) {
        try {
            List<String> fields = graph.subscribe(page.id(), page.token());
            LOGGER.log(System.Logger.Level.INFO, "Webhook subscription for page {0}: {1}", page.id(), String.join(",", fields));
            return new ConnectReport.Subscription(true, fields, null);
        } catch (GraphException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Webhook subscription for page {0} failed: {1}", page.id(), e.getMessage());
            return new ConnectReport.Subscription(false, List.of(), e.getMessage());
        }
    }
}
