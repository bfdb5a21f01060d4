package dev.salesbot.sync.shopify.sync;

import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.merchants.control.StoreConnections;
import dev.salesbot.sync.merchants.entity.ShopifyConnection;
import dev.salesbot.sync.queue.control.SyncHandler;
import dev.salesbot.sync.queue.control.SyncKind;
import dev.salesbot.sync.queue.control.SyncPostponed;
import dev.salesbot.sync.queue.control.SyncResult;
import dev.salesbot.sync.queue.control.SyncTask;
import dev.salesbot.sync.shopify.entity.ShopDomain;
import dev.salesbot.sync.storage.control.StorageUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * {@link SyncKind#SHOPIFY_REDACT}: Shopify's {@code shop/redact}, sent 48 hours after an uninstall
 * (https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance): the store's objects
 * ({@code users/<uuid>/shopify/*}, every key ever recorded for the store) are deleted, then its
 * connection row. Durable like every sync, so storage being down only delays it; a repeat finds
 * nothing left and is done.
 */
@ApplicationScoped
public class StoreRedactionHandler implements SyncHandler {

    private static final System.Logger LOGGER = System.getLogger(StoreRedactionHandler.class.getName());

    @Inject
    StoreConnections connections;

    @Inject
    StoreSnapshots snapshots;

    @Override
    public SyncKind kind() {
        return SyncKind.SHOPIFY_REDACT;
    }

    @Override
    public SyncResult run(SyncTask task) {
        ShopDomain shop = new ShopDomain(task.target());
        Optional<ShopifyConnection> connection = connections.findShop(shop.value());
        int deleted;
        try {
            // Even with no connection left: an earlier attempt may have removed the row but not every object.
            deleted = snapshots.delete(task.fence(), shop, connection.map(ShopifyConnection::merchantId));
        } catch (StorageUnavailableException e) {
            throw new SyncPostponed(e.getMessage() + ".", e);
        }
        if (connection.isEmpty() && deleted == 0) {
            return new SyncResult(false, "Nothing left to redact for " + shop, Jsonp.createObjectBuilder().build(), null);
        }
        if (connection.isPresent() && connection.get().lastConnectedAt().isAfter(task.requestedAt())) {
            // Installed again after the deletion was asked: its data as of the request is gone, the new
            // connection and its tokens stay, and the reconnect's sync (asked after) writes it afresh.
            String message = "Redacted " + shop + ": " + deleted + " object(s) deleted; its connection is kept, made again since the request";
            LOGGER.log(System.Logger.Level.INFO, message);
            return new SyncResult(true, message, Jsonp.createObjectBuilder().add("deleted", deleted).build(), null);
        }
        connections.delete(shop.value());
        String message = "Redacted " + shop + ": " + deleted + " object(s) and its connection deleted";
        LOGGER.log(System.Logger.Level.INFO, message);
        return new SyncResult(true, message, Jsonp.createObjectBuilder().add("deleted", deleted).build(), null);
    }
}
