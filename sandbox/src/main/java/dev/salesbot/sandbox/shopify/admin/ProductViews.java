package dev.salesbot.sandbox.shopify.admin;

import dev.salesbot.sandbox.shopify.admin.CatalogProduct.Image;
import dev.salesbot.sandbox.shopify.admin.CatalogProduct.Variant;
import dev.salesbot.sandbox.shopify.admin.PassThroughWiring.Resolver;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Products and variants as the Admin schema shows them: a map per object whose keys are schema
 * field names, so aliases, fragments and variables are graphql-java's business, not ours. Fields
 * the sandbox does not model are absent and come back null.
 */
final class ProductViews {

    private final Catalog catalog;
    private final StoreViews store;

    ProductViews(Catalog catalog, StoreViews store) {
        this.catalog = catalog;
        this.store = store;
    }

    Map<String, Object> product(CatalogProduct p) {
        Map<String, Object> m = new HashMap<>(64);
        m.put(PassThroughWiring.TYPENAME, "Product");
        m.put("id", Ids.gid("Product", p.id()));
        m.put("legacyResourceId", String.valueOf(p.id()));
        m.put("defaultCursor", Connections.encode(p.id()));
        m.put("title", p.title());
        m.put("handle", p.handle());
        m.put("description", (Resolver) env -> truncate(p.description(), env.getArgument("truncateAt")));
        m.put("descriptionHtml", p.descriptionHtml());
        m.put("vendor", p.vendor());
        m.put("productType", p.productType());
        m.put("tags", p.tags());
        m.put("status", p.status());
        m.put("createdAt", p.createdAt());
        m.put("updatedAt", p.updatedAt());
        boolean active = p.status().equals("ACTIVE");
        m.put("publishedAt", active ? p.createdAt() : null);
        m.put("onlineStoreUrl", active ? "https://" + catalog.shop().primaryDomainHost() + "/products/" + p.handle() : null);
        m.put("totalInventory", p.totalInventory());
        m.put("tracksInventory", true);
        m.put("isGiftCard", p.productType().equals("Gift Cards"));
        m.put("hasOnlyDefaultVariant", p.options().size() == 1 && p.options().get(0).name().equals(VariantGrid.DEFAULT_OPTION));
        m.put("hasOutOfStockVariants", p.variants().stream().anyMatch(v -> v.inventoryQuantity() <= 0));
        m.put("requiresSellingPlan", false);
        m.put("options", (Resolver) env -> options(p, env.getArgument("first")));
        m.put("variants", (Resolver) env -> Connections.page(p.variants(), Variant::id, env, v -> variant(p, v)));
        m.put("variantsCount", StoreViews.count(p.variants().size()));
        m.put("totalVariants", p.variants().size());
        m.put("featuredMedia", p.image() == null ? null : mediaImage(p.image(), p));
        m.put("featuredImage", p.image() == null ? null : image(p.image()));
        m.put("media", (Resolver) env -> Connections.page(p.image() == null ? List.<Image>of() : List.of(p.image()),
                Image::mediaId, env, i -> mediaImage(i, p)));
        m.put("mediaCount", StoreViews.count(p.image() == null ? 0 : 1));
        m.put("priceRangeV2", priceRange(p));
        m.put("seo", seo(p.title(), p.description()));
        m.put("collections", (Resolver) env -> Connections.page(catalog.collectionsOf(p.id()), CatalogCollection::id,
                env, store::collection));
        m.put("inCollection", (Resolver) env -> Ids.parse(env.getArgument("id"))
                .flatMap(g -> catalog.collection(g.id()))
                .map(c -> c.productIds().contains(p.id())).orElse(false));
        return m;
    }

    Map<String, Object> variant(CatalogProduct p, Variant v) {
        Map<String, Object> m = new HashMap<>(40);
        m.put(PassThroughWiring.TYPENAME, "ProductVariant");
        m.put("id", Ids.gid("ProductVariant", v.id()));
        m.put("legacyResourceId", String.valueOf(v.id()));
        m.put("defaultCursor", Connections.encode(v.id()));
        m.put("title", v.title());
        m.put("displayName", p.title() + " - " + v.title());
        m.put("sku", v.sku());
        m.put("barcode", null);
        m.put("position", v.position());
        m.put("price", v.price());
        m.put("compareAtPrice", v.compareAtPrice());
        m.put("inventoryQuantity", v.inventoryQuantity());
        m.put("sellableOnlineQuantity", Math.max(0, v.inventoryQuantity()));
        m.put("inventoryPolicy", "DENY");
        m.put("availableForSale", p.status().equals("ACTIVE") && v.inventoryQuantity() > 0);
        m.put("taxable", true);
        m.put("requiresComponents", false);
        m.put("showUnitPrice", false);
        m.put("createdAt", v.createdAt());
        m.put("updatedAt", v.updatedAt().isAfter(p.updatedAt()) ? v.updatedAt() : p.updatedAt());
        m.put("selectedOptions", selectedOptions(p, v));
        m.put("inventoryItem", inventoryItem(p, v));
        m.put("image", p.image() == null ? null : image(p.image()));
        m.put("product", (Resolver) env -> product(catalog.product(p.id()).orElse(p)));
        return m;
    }

    /** The variant's inventory item: what {@code inventory_levels/update} webhooks name. */
    Map<String, Object> inventoryItem(CatalogProduct p, Variant v) {
        Map<String, Object> m = new HashMap<>();
        m.put(PassThroughWiring.TYPENAME, "InventoryItem");
        m.put("id", Ids.gid("InventoryItem", v.inventoryItemId()));
        m.put("legacyResourceId", String.valueOf(v.inventoryItemId()));
        m.put("sku", v.sku());
        m.put("tracked", true);
        m.put("requiresShipping", true);
        m.put("createdAt", v.createdAt());
        m.put("updatedAt", v.updatedAt());
        m.put("variant", (Resolver) env -> catalog.variant(v.id()).map(r -> variant(r.product(), r.variant())).orElse(null));
        m.put("variants", (Resolver) env -> Connections.page(catalog.variant(v.id()).map(List::of).orElse(List.of()),
                r -> r.variant().id(), env, r -> variant(r.product(), r.variant())));
        return m;
    }

    Map<String, Object> mediaImage(Image image, CatalogProduct p) {
        Map<String, Object> m = new HashMap<>();
        m.put(PassThroughWiring.TYPENAME, "MediaImage");
        m.put("id", Ids.gid("MediaImage", image.mediaId()));
        m.put("alt", image.altText());
        m.put("mediaContentType", "IMAGE");
        m.put("status", "READY");
        m.put("fileStatus", "READY");
        m.put("mimeType", "image/jpeg");
        m.put("mediaErrors", List.of());
        m.put("mediaWarnings", List.of());
        m.put("fileErrors", List.of());
        m.put("createdAt", p.createdAt());
        m.put("updatedAt", p.updatedAt());
        m.put("image", image(image));
        m.put("preview", Map.of("image", image(image), "status", "READY"));
        return m;
    }

    static Map<String, Object> image(Image image) {
        Map<String, Object> m = new HashMap<>();
        m.put(PassThroughWiring.TYPENAME, "Image");
        m.put("id", Ids.gid("ProductImage", image.imageId()));
        m.put("url", image.url());
        m.put("altText", image.altText());
        m.put("width", image.width());
        m.put("height", image.height());
        return m;
    }

    private Map<String, Object> priceRange(CatalogProduct p) {
        BigDecimal min = p.variants().stream().map(Variant::price).min(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);
        BigDecimal max = p.variants().stream().map(Variant::price).max(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);
        return Map.of("minVariantPrice", money(min), "maxVariantPrice", money(max));
    }

    Map<String, Object> money(BigDecimal amount) {
        return StoreViews.money(amount, catalog.shop().currencyCode());
    }

    private static List<Map<String, Object>> options(CatalogProduct p, Integer first) {
        return p.options().stream().limit(first == null ? Long.MAX_VALUE : Math.max(0, first)).map(o -> {
            Map<String, Object> m = new HashMap<>();
            m.put(PassThroughWiring.TYPENAME, "ProductOption");
            m.put("id", Ids.gid("ProductOption", o.id()));
            m.put("name", o.name());
            m.put("position", p.options().indexOf(o) + 1);
            m.put("values", o.values());
            m.put("optionValues", o.values().stream().map(v -> optionValue(o.id(), o.values().indexOf(v), v)).toList());
            return m;
        }).toList();
    }

    private static List<Map<String, Object>> selectedOptions(CatalogProduct p, Variant v) {
        return java.util.stream.IntStream.range(0, v.optionValues().size()).mapToObj(i -> {
            CatalogProduct.Option option = p.options().get(i);
            String value = v.optionValues().get(i);
            return Map.<String, Object>of("name", option.name(), "value", value,
                    "optionValue", optionValue(option.id(), option.values().indexOf(value), value));
        }).toList();
    }

    private static Map<String, Object> optionValue(long optionId, int index, String name) {
        return Map.of(PassThroughWiring.TYPENAME, "ProductOptionValue",
                "id", Ids.gid("ProductOptionValue", optionId * 100 + index), "name", name, "hasVariants", true);
    }

    static Map<String, Object> seo(String title, String description) {
        Map<String, Object> m = new HashMap<>();
        m.put("title", title);
        m.put("description", description == null || description.isEmpty() ? null : truncate(description, 160));
        return m;
    }

    private static String truncate(String text, Integer max) {
        return max == null || text.length() <= max ? text : text.substring(0, Math.max(0, max - 3)).stripTrailing() + "...";
    }
}
