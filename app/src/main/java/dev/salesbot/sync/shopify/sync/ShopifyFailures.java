package dev.salesbot.sync.shopify.sync;

import dev.salesbot.sync.merchants.control.StoreConnections;
import dev.salesbot.sync.queue.control.SyncAbandoned;
import dev.salesbot.sync.queue.control.SyncParked;
import dev.salesbot.sync.queue.control.SyncPostponed;
import dev.salesbot.sync.queue.leases.LeaseLost;
import dev.salesbot.sync.security.control.UnreadableToken;
import dev.salesbot.sync.shopify.entity.ShopDomain;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyAccessDeniedException;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyQueryException;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyStoreClosedException;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyThrottledException;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyUnauthorizedException;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyUnavailableException;
import dev.salesbot.sync.shopify.oauth.ShopifyReconnectRequired;
import dev.salesbot.sync.storage.control.StorageUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one place a failed store sync is classified (the package notes list each case):
 * <ul>
 * <li><b>needs the merchant</b> — the connection is marked NEEDS_RECONNECT with the reason and the
 * sync ends at once ({@link SyncAbandoned}): Shopify refused the token (401/403), a field needs
 * access the token lacks ({@code ACCESS_DENIED}), the store is frozen, gone or locked
 * (402/404/423), or the token cannot be used ({@link ShopifyReconnectRequired}: no or expired or
 * refused refresh token);</li>
 * <li><b>a defect</b> — any other GraphQL error: the same query would fail again, so the sync ends
 * at once with Shopify's message, the connection left as it is (the operator must look);</li>
 * <li><b>retry later</b> ({@link SyncPostponed}) — throttling past its retries (with Shopify's
 * Retry-After), 5xx, Shopify unreachable, storage unavailable, and a stored token that no configured
 * key opens (the operator's key, not the merchant's access: it resumes once the right key is set).</li>
 * </ul>
 * A sync that waits for Shopify's bulk operations ({@link SyncParked}) is no failure and passes as
 * it is. Anything else is left to the engine, which retries it with backoff under a generic message.
 */
@ApplicationScoped
public class ShopifyFailures {

    private static final System.Logger LOGGER = System.getLogger(ShopifyFailures.class.getName());

    @Inject
    StoreConnections connections;

    /** What to throw instead of {@code failure}; marks the connection when the merchant must act. */
    public RuntimeException classify(ShopDomain shop, RuntimeException failure) {
        if (failure instanceof SyncAbandoned || failure instanceof SyncPostponed || failure instanceof SyncParked
                || failure instanceof LeaseLost) {
            return failure;
        }
        String reconnect = reconnectReason(shop, failure);
        if (reconnect != null) {
            connections.markNeedsReconnect(shop.value(), reconnect);
            LOGGER.log(System.Logger.Level.WARNING, "Store {0} needs a reconnect: {1}", shop, reconnect);
            return new SyncAbandoned(reconnect);
        }
        if (failure instanceof ShopifyQueryException query) {
            return new SyncAbandoned("Shopify rejected a query of this app for " + shop + " (" + String.join("; ", query.errors())
                    + "); retrying cannot help. Operators: this is a defect to report.");
        }
        if (failure instanceof ShopifyThrottledException throttled) {
            return new SyncPostponed("Shopify is throttling requests for " + shop + ".", throttled.retryAfter().orElse(null), failure);
        }
        if (failure instanceof ShopifyUnavailableException) {
            return new SyncPostponed("Shopify could not be reached or failed for " + shop + ".", failure);
        }
        if (failure instanceof StorageUnavailableException) {
            return new SyncPostponed(failure.getMessage() + ".", failure);
        }
        if (failure instanceof UnreadableToken) {
            return new SyncPostponed(UnreadableToken.REASON + " (no configured key opens the stored tokens of " + shop + ").", failure);
        }
        return failure;
    }

    private static String reconnectReason(ShopDomain shop, RuntimeException failure) {
        if (failure instanceof ShopifyReconnectRequired) {
            return failure.getMessage();
        }
        if (failure instanceof ShopifyUnauthorizedException) {
            return "Shopify refused the stored access token of " + shop + " (" + failure.getMessage()
                    + "): the app was uninstalled or its access revoked; connect the store again.";
        }
        if (failure instanceof ShopifyAccessDeniedException denied) {
            return "Shopify denied access the bot needs for " + shop + ": " + String.join("; ", denied.requiredAccess())
                    + " Connect the store again and approve every access the app asks for.";
        }
        if (failure instanceof ShopifyStoreClosedException closed) {
            return closed.getMessage() + ". The sync resumes when the store is connected again.";
        }
        return null;
    }
}
