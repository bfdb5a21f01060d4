package dev.salesbot.sync.storage.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.UUID;

/** A small, real-looking Shopify snapshot in the GraphQL shape the bucket holds. */
final class SampleSnapshots {

    static final UUID ACME_MERCHANT = UUID.fromString("7d3b1f0e-5a2c-4e8b-9c61-0f2e4d6a8b10");
    static final StorageKey ACME_SHOPIFY = StorageKey.shopifySnapshot(ACME_MERCHANT);

    private SampleSnapshots() {
    }

    static byte[] acmeCatalog() {
        return CanonicalJson.bytes(acmeCatalog("24.00"));
    }

    /** The same catalog after the merchant changed the mug's price. */
    static byte[] acmeCatalogAfterPriceChange() {
        return CanonicalJson.bytes(acmeCatalog("19.50"));
    }

    private static JsonObject acmeCatalog(String mugPrice) {
        var mug = Json.createObjectBuilder()
                .add("id", "gid://shopify/Product/8412345678901")
                .add("title", "Stoneware Coffee Mug")
                .add("handle", "stoneware-coffee-mug")
                .add("variants", Json.createObjectBuilder().add("nodes", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder()
                                .add("id", "gid://shopify/ProductVariant/45123456789012")
                                .add("sku", "MUG-STONE-350")
                                .add("price", mugPrice)
                                .add("inventoryQuantity", 37))));
        var shop = Json.createObjectBuilder()
                .add("name", "Acme Home Goods")
                .add("currencyCode", "USD")
                .add("myshopifyDomain", "acme-home-goods.myshopify.com");
        return Json.createObjectBuilder().add("data", Json.createObjectBuilder()
                        .add("shop", shop)
                        .add("products", Json.createObjectBuilder().add("nodes", Json.createArrayBuilder().add(mug)))
                        .add("codeDiscountNodes", Json.createObjectBuilder().add("nodes", Json.createArrayBuilder()))
                        .add("collections", Json.createObjectBuilder().add("nodes", Json.createArrayBuilder())))
                .build();
    }
}
