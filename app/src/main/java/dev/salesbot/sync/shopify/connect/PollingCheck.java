package dev.salesbot.sync.shopify.connect;

import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.shopify.catalog.CatalogQueries;
import dev.salesbot.sync.shopify.entity.ShopDomain;
import dev.salesbot.sync.shopify.graphql.GraphqlSession;
import dev.salesbot.sync.shopify.graphql.GraphqlSessions;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyApiException;
import dev.salesbot.sync.shopify.oauth.ShopifyReconnectRequired;
import dev.salesbot.sync.shopify.oauth.ShopifyTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/**
 * The Shopify callback answer's {@code polling_test}, with the tutorial's meaning: right after the
 * connect, a small live read with the new token ({@code shop { name }} and {@code productsCount})
 * either works — {@code {"status": "success"}}, with the store's name and product count — or
 * says why not: {@code {"status": "error", "message": ...}}. It records no sync and writes nothing.
 */
@ApplicationScoped
public class PollingCheck {

    /** {@code status} success or error; {@code message} only for an error; name and count only for success. */
    public record Result(String status, String message, String shopName, long productsCount) {

        public JsonObject toJson() {
            var json = Jsonp.createObjectBuilder().add("status", status);
            if (message != null) {
                json.add("message", message);
            } else {
                json.add("shop_name", shopName).add("products_count", productsCount);
            }
            return json.build();
        }
    }

    private static final System.Logger LOGGER = System.getLogger(PollingCheck.class.getName());

    @Inject
    GraphqlSessions sessions;

    @Inject
    ShopifyTokens tokens;

    public Result run(ShopDomain shop) {
        Result result;
        try (GraphqlSession session = sessions.open(sessions.access(shop, tokens.accessToken(shop)))) {
            JsonObject data = session.graphql().data(CatalogQueries.POLLING_TEST, Jsonp.createObjectBuilder().build(), 2);
            result = new Result("success", null, data.getJsonObject("shop").getString("name", ""),
                    data.getJsonObject("productsCount").getJsonNumber("count").longValue());
        } catch (ShopifyApiException | ShopifyReconnectRequired e) {
            result = new Result("error", e.getMessage(), null, 0);
        } catch (RuntimeException e) {
            result = new Result("error", "The live read of " + shop + " failed: " + e.getClass().getSimpleName()
                    + "; the server log has the details.", null, 0);
            LOGGER.log(System.Logger.Level.WARNING, "Polling test of " + shop + " failed", e);
        }
        LOGGER.log(System.Logger.Level.INFO, "Polling test result for {0}: {1}", shop, result.message() == null
                ? "{'status': 'success'}" : "{'status': 'error', 'message': '" + result.message() + "'}");
        return result;
    }
}
