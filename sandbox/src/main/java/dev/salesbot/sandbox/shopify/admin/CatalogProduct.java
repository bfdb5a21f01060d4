package dev.salesbot.sandbox.shopify.admin;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A product of a seeded store; immutable, replaced as a whole by {@code productUpdate}. */
record CatalogProduct(
        long id,
        String title,
        String handle,
        String descriptionHtml,
        String vendor,
        String productType,
        List<String> tags,
        String status,
        Instant createdAt,
        Instant updatedAt,
        Image image,
        List<Option> options,
        List<Variant> variants) {

    /** An option such as Size with the values its variants use, in order. */
    record Option(long id, String name, List<String> values) {
    }

    /** The featured image; {@code mediaId} is the MediaImage the 2026-10 schema exposes it through. */
    record Image(long mediaId, long imageId, String url, String altText, int width, int height) {
    }

    /** A variant; {@code optionValues} line up with the product's options. Its inventory item's id is derived from its own. */
    record Variant(
            long id,
            int position,
            String sku,
            BigDecimal price,
            BigDecimal compareAtPrice,
            int inventoryQuantity,
            List<String> optionValues,
            Instant createdAt,
            Instant updatedAt) {

        /** Inventory item ids are this far above their variant's id: unique, and a lookup needs no table. */
        static final long INVENTORY_ITEM_OFFSET = 1_000_000_000_000_000L;

        String title() {
            return optionValues.isEmpty() ? "Default Title" : String.join(" / ", optionValues);
        }

        long inventoryItemId() {
            return id + INVENTORY_ITEM_OFFSET;
        }

        Variant withInventory(int quantity, Instant when) {
            return new Variant(id, position, sku, price, compareAtPrice, quantity, optionValues, createdAt, when);
        }
    }

    /** Plain text of the description, as Shopify derives {@code description} from the HTML. */
    String description() {
        return descriptionHtml.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
    }

    int totalInventory() {
        return variants.stream().mapToInt(Variant::inventoryQuantity).sum();
    }

    /** Every variant at {@code price}, as a merchant re-pricing a product in the Shopify admin. */
    CatalogProduct repriced(BigDecimal price, Instant when) {
        List<Variant> repriced = variants.stream().map(v -> new Variant(v.id(), v.position(), v.sku(), price,
                v.compareAtPrice(), v.inventoryQuantity(), v.optionValues(), v.createdAt(), when)).toList();
        return new CatalogProduct(id, title, handle, descriptionHtml, vendor, productType, tags, status, createdAt, when,
                image, options, repriced);
    }

    /** The variant {@code variantId} now holds {@code quantity}, as an inventory adjustment leaves it. */
    CatalogProduct withInventory(long variantId, int quantity, Instant when) {
        List<Variant> adjusted = variants.stream().map(v -> v.id() == variantId ? v.withInventory(quantity, when) : v).toList();
        return new CatalogProduct(id, title, handle, descriptionHtml, vendor, productType, tags, status, createdAt, updatedAt,
                image, options, adjusted);
    }

    CatalogProduct edited(String newTitle, String newHandle, String newDescriptionHtml, String newVendor,
                          String newProductType, List<String> newTags, String newStatus, Instant when) {
        return new CatalogProduct(id, newTitle, newHandle, newDescriptionHtml, newVendor, newProductType,
                newTags, newStatus, createdAt, when, image, options, variants);
    }
}
