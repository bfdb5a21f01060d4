package dev.salesbot.sync.shopify.webhooks;

import dev.salesbot.sync.shopify.entity.ShopDomain;
import dev.salesbot.sync.webhooks.control.Receipt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

/**
 * {@code customers/data_request} and {@code customers/redact}: this app holds no customer data
 * (the snapshots hold the catalog and the shop's name, currency and URL), so there is nothing to
 * report or delete, and the one answer to both is to log the request id. One handler for the two
 * topics because their answer is the same; a topic that needs work of its own gets its own.
 */
@ApplicationScoped
public class CustomerPrivacyHandler {

    private static final System.Logger LOGGER = System.getLogger(CustomerPrivacyHandler.class.getName());

    Receipt handle(ShopDomain shop, WebhookTopic topic, JsonObject body) {
        LOGGER.log(System.Logger.Level.INFO, "Privacy request {0} for {1} (request {2}): this app holds no customer data",
                topic.header(), shop, requestId(body));
        return Receipt.RECORDED;
    }

    private static String requestId(JsonObject body) {
        if (body.get("data_request") instanceof JsonObject request && request.get("id") != null) {
            return request.get("id").toString();
        }
        return body.get("customer") instanceof JsonObject customer && customer.get("id") != null
                ? "customer " + customer.get("id") : "unnamed";
    }
}
