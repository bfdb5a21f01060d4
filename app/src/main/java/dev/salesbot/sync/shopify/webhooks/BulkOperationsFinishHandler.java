package dev.salesbot.sync.shopify.webhooks;

import dev.salesbot.sync.queue.control.SyncKind;
import dev.salesbot.sync.queue.control.Syncs;
import dev.salesbot.sync.shopify.bulk.BulkOperationRows;
import dev.salesbot.sync.shopify.entity.ShopDomain;
import dev.salesbot.sync.webhooks.control.Receipt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.util.EnumSet;

/**
 * {@code bulk_operations/finish}: recorded on the operation's {@code SHOPIFY_BULK_OPERATION} row,
 * which the full sync waiting for it reads (on whichever server it runs); nothing is fetched here.
 * Only a well-formed operation id and status of an operation a sync waits for are recorded. Once
 * every operation of the store's sync has finished, the sync parked for them (a full sync, or a
 * change set read in full) is due at once: this server's worker is woken, others find it at their
 * next tick.
 */
@ApplicationScoped
public class BulkOperationsFinishHandler {

    private static final System.Logger LOGGER = System.getLogger(BulkOperationsFinishHandler.class.getName());

    @Inject
    BulkOperationRows bulkOperations;

    @Inject
    Syncs syncs;

    Receipt handle(ShopDomain shop, JsonObject body) {
        String operation = body.get("admin_graphql_api_id") instanceof JsonString gid ? gid.getString() : "";
        String status = body.get("status") instanceof JsonString s ? s.getString() : "";
        boolean ours = operation.matches("^gid://shopify/BulkOperation/[0-9]{1,20}$")
                && status.matches("^[a-z_]{1,16}$") && bulkOperations.finished(operation, status);
        LOGGER.log(System.Logger.Level.INFO, ours ? "Bulk operation {0} of {1} finished: {2}"
                : "A bulk_operations/finish webhook from {1} for no operation a sync waits for ({0}, {2})", operation, shop, status);
        if (ours && bulkOperations.allFinished(shop.value())) {
            int resumed = syncs.resume(shop.value(), EnumSet.of(SyncKind.SHOPIFY_FULL, SyncKind.SHOPIFY_CHANGES));
            LOGGER.log(System.Logger.Level.DEBUG, "Bulk operations of {0} all finished: {1} parked request(s) due now", shop, resumed);
        }
        return ours ? Receipt.RECORDED : Receipt.IGNORED;
    }
}
