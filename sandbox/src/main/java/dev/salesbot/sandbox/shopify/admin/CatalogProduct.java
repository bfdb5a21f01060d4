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

    /** A variant; {@code optionValues} line up with the product's options. */
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

        String title() {
            return optionValues.isEmpty() ? "Default Title" : String.join(" / ", optionValues);
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

    CatalogProduct edited(String newTitle, String newHandle, String newDescriptionHtml, String newVendor,
                          String newProductType, List<String> newTags, String newStatus, Instant when) {
        return new CatalogProduct(id, newTitle, newHandle, newDescriptionHtml, newVendor, newProductType,
                newTags, newStatus, createdAt, when, image, options, variants);
    }
}
