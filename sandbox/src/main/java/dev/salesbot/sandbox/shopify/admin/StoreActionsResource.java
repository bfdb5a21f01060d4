package dev.salesbot.sandbox.shopify.admin;

import dev.salesbot.sandbox.shopify.SandboxTokenLedger;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test controls for what happens in a store after the app is installed, each sending the webhooks
 * Shopify would: merchant edits ({@link MerchantActions}), an uninstall, the privacy requests, and
 * the deliveries' knobs and records, under {@code /sandbox/shopify/_control/merchant/{shop}} (its own root: JAX-RS
 * does not fall back from one resource class to another). Sandbox only.
 */
@Path("shopify/_control/merchant/{shop}")
@Produces(MediaType.APPLICATION_JSON)
public class StoreActionsResource {

    @Inject
    SandboxShops shops;

    @Inject
    SandboxTokenLedger ledger;

    @Inject
    WebhookDeliveries deliveries;

    /** {@code {"title": "…", "price": "12.50", "webhook": true}}, each optional; {@code id} is the number or the gid. */
    @POST
    @Path("products/{id}/edit")
    @Consumes(MediaType.APPLICATION_JSON)
    public String edit(@PathParam("shop") String shop, @PathParam("id") String id, String body) {
        Map<String, Object> json = JsonBodies.object(body);
        String title = json.get("title") instanceof String t && !t.isBlank() ? t : null;
        CatalogProduct edited = actions(shop).edit(id(id, "Product"), title, price(json.get("price")), webhook(json))
                .orElseThrow(() -> new NotFoundException("no product " + id));
        return JsonValues.write(Map.of("id", Ids.gid("Product", edited.id()), "title", edited.title()));
    }

    @POST
    @Path("products/{id}/delete")
    public String delete(@PathParam("shop") String shop, @PathParam("id") String id, @QueryParam("webhook") String webhook) {
        if (!actions(shop).delete(id(id, "Product"), !"false".equals(webhook))) {
            throw new NotFoundException("no product " + id);
        }
        return JsonValues.write(Map.of("deleted", Ids.gid("Product", id(id, "Product"))));
    }

    /** {@code {"quantity": 4, "webhook": true}}: the variant's stock at the store's location. */
    @POST
    @Path("variants/{id}/stock")
    @Consumes(MediaType.APPLICATION_JSON)
    public String stock(@PathParam("shop") String shop, @PathParam("id") String id, String body) {
        Map<String, Object> json = JsonBodies.object(body);
        if (!(json.get("quantity") instanceof Number quantity)) {
            throw new BadRequestException("quantity must be a number");
        }
        CatalogProduct.Variant variant = actions(shop).stock(id(id, "ProductVariant"), quantity.intValue(), webhook(json))
                .orElseThrow(() -> new NotFoundException("no variant " + id));
        return JsonValues.write(Map.of("inventoryItemId", Ids.gid("InventoryItem", variant.inventoryItemId()),
                "available", variant.inventoryQuantity()));
    }

    /** {@code {"count": 1000, "webhook": true}}: the first {@code count} products re-priced, one webhook each. */
    @POST
    @Path("products/bulk-reprice")
    @Consumes(MediaType.APPLICATION_JSON)
    public String bulkReprice(@PathParam("shop") String shop, String body) {
        Map<String, Object> json = JsonBodies.object(body);
        if (!(json.get("count") instanceof Number count) || count.intValue() < 1 || count.intValue() > 100_000) {
            throw new BadRequestException("count must be between 1 and 100000");
        }
        return JsonValues.write(Map.of("repriced", actions(shop).bulkReprice(count.intValue(), webhook(json))));
    }

    /** The merchant uninstalls the app: {@code app/uninstalled} is sent, then its tokens and subscriptions are gone. */
    @POST
    @Path("uninstall")
    public String uninstall(@PathParam("shop") String shop) {
        SandboxShop store = shops.shop(shop);
        store.emit("app/uninstalled", WebhookPayloads.shop(store.catalog().shop()));
        int revoked = ledger.revokeShop(store.name());
        store.webhooks().all().forEach(s -> store.webhooks().remove(s.id()));
        return JsonValues.write(Map.of("tokensRevoked", revoked));
    }

    /** Shopify's privacy requests: {@code shop/redact}, {@code customers/redact}, {@code customers/data_request}. */
    @POST
    @Path("privacy/{request}")
    public void privacy(@PathParam("shop") String shop, @PathParam("request") String request) {
        SandboxShop store = shops.shop(shop);
        ShopProfile profile = store.catalog().shop();
        try {
            deliveries.complianceAddress();
        } catch (IllegalStateException e) {
            throw new ClientErrorException(Response.status(409).type(MediaType.TEXT_PLAIN_TYPE).entity(e.getMessage()).build());
        }
        switch (request) {
            case "shop-redact" -> store.emit("shop/redact", WebhookPayloads.shopRedact(profile));
            case "customers-redact" -> store.emit("customers/redact", WebhookPayloads.customersRedact(profile, 7_001L));
            case "customers-data-request" -> store.emit("customers/data_request",
                    WebhookPayloads.customersDataRequest(profile, 7_001L, 9_901L));
            default -> throw new NotFoundException("no privacy request " + request);
        }
    }

    /** {@code ?topic=PRODUCTS_UPDATE} (or every topic): subscriptions gone without a word, as after failed deliveries. */
    @DELETE
    @Path("webhooks")
    public String dropSubscriptions(@PathParam("shop") String shop, @QueryParam("topic") String topic) {
        WebhookSubscriptions webhooks = shops.shop(shop).webhooks();
        List<WebhookSubscriptions.Subscription> dropped = webhooks.all().stream()
                .filter(s -> topic == null || s.topic().equals(topic)).toList();
        dropped.forEach(s -> webhooks.remove(s.id()));
        return JsonValues.write(Map.of("removed", dropped.size()));
    }

    /** {@code {"duplicate": true}}: every webhook is sent twice with the same webhook id. */
    @PUT
    @Path("deliveries")
    @Consumes(MediaType.APPLICATION_JSON)
    public void deliveries(@PathParam("shop") String shop, String body) {
        shops.shop(shop).deliveries().duplicate(Boolean.TRUE.equals(JsonBodies.object(body).get("duplicate")));
    }

    @GET
    @Path("deliveries")
    public String deliveryLog(@PathParam("shop") String shop) {
        Map<String, Object> answer = new LinkedHashMap<>(shops.shop(shop).deliveries().snapshot());
        return JsonValues.write(answer);
    }

    @POST
    @Path("deliveries/reset")
    public void resetDeliveries(@PathParam("shop") String shop) {
        shops.shop(shop).deliveries().reset();
    }

    private MerchantActions actions(String shop) {
        return new MerchantActions(shops.shop(shop));
    }

    private static long id(String id, String type) {
        String gid = id.matches("\\d+") ? Ids.gid(type, Long.parseLong(id)) : id;
        return Ids.parse(gid).filter(g -> g.type().equals(type)).map(Ids.Gid::id)
                .orElseThrow(() -> new BadRequestException("not a " + type + " id: " + id));
    }

    private static BigDecimal price(Object value) {
        try {
            return value == null ? null : new BigDecimal(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw new BadRequestException("price must be a decimal number");
        }
    }

    private static boolean webhook(Map<String, Object> json) {
        return !Boolean.FALSE.equals(json.get("webhook"));
    }
}
