package dev.salesbot.sync.shopify.webhooks;

import dev.salesbot.sync.merchants.entity.ConnectionStatus;
import dev.salesbot.sync.merchants.entity.ShopifyConnection;
import dev.salesbot.sync.queue.control.SyncKind;
import dev.salesbot.sync.queue.control.Syncs;
import dev.salesbot.sync.shopify.entity.ShopDomain;
import dev.salesbot.sync.webhooks.control.Receipt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code shop/redact}, sent 48 hours after an uninstall: a durable {@code SHOPIFY_REDACT} request
 * (the store's objects, then its row), run by the sync engine and retried while storage is down.
 * A store that is installed again by then (any status but uninstalled) keeps everything: the
 * request is about the installation that ended.
 */
@ApplicationScoped
public class ShopRedactHandler {

    private static final System.Logger LOGGER = System.getLogger(ShopRedactHandler.class.getName());

    @Inject
    Syncs syncs;

    Receipt handle(ShopDomain shop, ShopifyConnection connection) {
        if (connection.status() != ConnectionStatus.UNINSTALLED) {
            LOGGER.log(System.Logger.Level.INFO, "Ignored a shop/redact webhook for {0}: the app is installed on the store now ({1}); nothing deleted",
                    shop, connection.status());
            return Receipt.STALE;
        }
        syncs.enqueue(SyncKind.SHOPIFY_REDACT, shop.value(), connection.merchantId());
        return Receipt.RECORDED;
    }
}
