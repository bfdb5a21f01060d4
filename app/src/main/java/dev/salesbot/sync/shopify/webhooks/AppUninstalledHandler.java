package dev.salesbot.sync.shopify.webhooks;

import dev.salesbot.sync.merchants.control.StoreConnections;
import dev.salesbot.sync.merchants.entity.ShopifyConnection;
import dev.salesbot.sync.queue.control.SyncRequests;
import dev.salesbot.sync.shopify.bulk.BulkOperationRows;
import dev.salesbot.sync.shopify.entity.ShopDomain;
import dev.salesbot.sync.webhooks.control.Receipt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;

/**
 * {@code app/uninstalled}: the store's tokens are deleted at once, it is marked uninstalled (its
 * row and merchant UUID stay, for a reinstall) and its pending work ends. Called inside the
 * recorder's transaction, for an installed store. Its bulk operations on record (a parked full
 * sync's) are forgotten: a reinstall reads the store afresh instead of resuming them. An uninstall
 * triggered before the store's latest install (a retry that arrives after a reinstall) is about
 * the earlier installation: it changes nothing.
 */
@ApplicationScoped
public class AppUninstalledHandler {

    private static final System.Logger LOGGER = System.getLogger(AppUninstalledHandler.class.getName());

    @Inject
    StoreConnections connections;

    @Inject
    SyncRequests requests;

    @Inject
    BulkOperationRows bulkOperations;

    Receipt handle(ShopDomain shop, ShopifyConnection connection, Instant triggeredAt) {
        if (triggeredAt != null && triggeredAt.isBefore(connection.installedAt().toInstant())) {
            LOGGER.log(System.Logger.Level.INFO, "Ignored an app/uninstalled webhook from {0} triggered at {1}: the app was installed again at {2}",
                    shop, triggeredAt, connection.installedAt().toInstant());
            return Receipt.STALE;
        }
        connections.uninstall(shop.value());
        int ended = requests.abandonPendingOf(shop.value(), "The app was uninstalled from the store.");
        bulkOperations.forget(shop.value());
        LOGGER.log(System.Logger.Level.INFO, "App uninstalled from {0}: its tokens are deleted, {1} pending sync(s) ended", shop, ended);
        return Receipt.RECORDED;
    }
}
