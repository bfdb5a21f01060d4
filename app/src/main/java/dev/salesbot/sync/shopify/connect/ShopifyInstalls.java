package dev.salesbot.sync.shopify.connect;

import dev.salesbot.sync.merchants.control.StoreConnections;
import dev.salesbot.sync.queue.control.SyncKind;
import dev.salesbot.sync.queue.control.Syncs;
import dev.salesbot.sync.shopify.entity.ShopDomain;
import dev.salesbot.sync.shopify.oauth.OfflineToken;
import dev.salesbot.sync.shopify.oauth.ShopifyTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * Records an install in one transaction: the connection with its sealed tokens and the store's
 * first full sync. A stop between the two can no longer leave a store connected and never synced.
 */
@ApplicationScoped
public class ShopifyInstalls {

    /** The store's merchant and the ticket of its first sync. */
    public record Installed(UUID merchant, Syncs.Ticket firstSync) {
    }

    @Inject
    StoreConnections connections;

    @Inject
    ShopifyTokens tokens;

    @Inject
    Syncs syncs;

    @Transactional
    public Installed record(ShopDomain shop, OfflineToken token) {
        UUID merchant = connections.connectShop(shop.value(), tokens.seal(shop, token));
        return new Installed(merchant, syncs.request(SyncKind.SHOPIFY_FULL, shop.value(), merchant));
    }
}
