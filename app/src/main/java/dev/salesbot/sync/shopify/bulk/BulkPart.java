package dev.salesbot.sync.shopify.bulk;

import dev.salesbot.sync.shopify.catalog.CatalogQueries;
import java.util.Arrays;
import java.util.Optional;

/** The bulk queries a full sync runs at once (2026-10 runs up to five per shop), each a part of the catalog. */
public enum BulkPart {
    PRODUCTS(CatalogQueries.BULK_PRODUCTS),
    COLLECTIONS(CatalogQueries.BULK_COLLECTIONS),
    DISCOUNTS(CatalogQueries.BULK_DISCOUNTS),
    BASIC_DISCOUNT_ITEMS(CatalogQueries.BULK_BASIC_DISCOUNT_ITEMS),
    BXGY_DISCOUNT_ITEMS(CatalogQueries.BULK_BXGY_DISCOUNT_ITEMS);

    private final String query;

    BulkPart(String query) {
        this.query = query;
    }

    public String query() {
        return query;
    }

    /** The three discount parts are assembled together, and fall back to paging together. */
    boolean discounts() {
        return this == DISCOUNTS || this == BASIC_DISCOUNT_ITEMS || this == BXGY_DISCOUNT_ITEMS;
    }

    static Optional<BulkPart> fromName(String name) {
        return Arrays.stream(values()).filter(p -> p.name().equals(name)).findFirst();
    }
}
