package dev.salesbot.sandbox.shopify.admin;

import java.time.Instant;
import java.util.List;

/** A collection of a seeded store; {@code productIds} ascending, as its products connection pages them. */
record CatalogCollection(long id, String title, String handle, String descriptionHtml, Instant updatedAt,
                         List<Long> productIds) {

    String description() {
        return descriptionHtml.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
    }
}
