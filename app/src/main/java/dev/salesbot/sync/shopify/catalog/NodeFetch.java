package dev.salesbot.sync.shopify.catalog;

import jakarta.json.JsonObject;

import java.util.List;

/**
 * The answer to a fetch by id (products, collections): each node found, complete (every nested
 * page), in the shape of a node of the stored document's edges; and the ids Shopify no longer
 * knows as that type (deleted), which the snapshot should drop.
 */
public record NodeFetch(List<JsonObject> found, List<String> missingIds) {

    public NodeFetch {
        found = List.copyOf(found);
        missingIds = List.copyOf(missingIds);
    }
}
