package dev.salesbot.sync.shopify.webhooks;

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
 * The store is uninstalled by then, so only an unknown store is dropped.
 */
@ApplicationScoped
public class ShopRedactHandler {

    @Inject
    Syncs syncs;

    Receipt handle(ShopDomain shop, ShopifyConnection connection) {
        syncs.enqueue(SyncKind.SHOPIFY_REDACT, shop.value(), connection.merchantId());
        return Receipt.RECORDED;
    }
}
