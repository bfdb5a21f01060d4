package dev.salesbot.sync.shopify.control;

import jakarta.json.JsonObject;

import java.util.List;

/**
 * The answer to a partial fetch: each product found, complete (every variant), in the shape of a
 * node of the stored document's {@code products.edges}; and the ids Shopify no longer knows as
 * products (deleted), which the snapshot should drop.
 */
public record ProductFetch(List<JsonObject> products, List<String> missingIds) {

    public ProductFetch {
        products = List.copyOf(products);
        missingIds = List.copyOf(missingIds);
    }
}
