package dev.salesbot.sandbox.shopify.admin;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * What a merchant does in the Shopify admin, and the webhooks Shopify sends for it: a product
 * renamed or re-priced ({@code products/update}), deleted ({@code products/delete}), its stock
 * adjusted ({@code inventory_levels/update}). {@code webhook=false} changes the store silently, as
 * when Shopify fails to deliver (what the daily poll exists for).
 */
final class MerchantActions {

    /** The one location the sandbox stocks. */
    static final long LOCATION_ID = 71_000_000_001L;

    private final SandboxShop shop;

    MerchantActions(SandboxShop shop) {
        this.shop = shop;
    }

    Optional<CatalogProduct> edit(long productId, String title, BigDecimal price, boolean webhook) {
        Instant now = now();
        Optional<CatalogProduct> edited = shop.catalog().update(productId, p -> {
            Instant when = now.isAfter(p.updatedAt()) ? now : p.updatedAt().plusSeconds(1);
            CatalogProduct next = title == null ? p : p.edited(title, p.handle(), p.descriptionHtml(), p.vendor(),
                    p.productType(), p.tags(), p.status(), when);
            return price == null ? next : next.repriced(price, when);
        });
        edited.filter(p -> webhook).ifPresent(p -> shop.emit("products/update", WebhookPayloads.product(p)));
        return edited;
    }

    /** Deletes the product; the collections that held it no longer do. False if there was no such product. */
    boolean delete(long productId, boolean webhook) {
        Optional<List<CatalogCollection>> held = shop.catalog().delete(productId);
        if (held.isPresent() && webhook) {
            shop.emit("products/delete", WebhookPayloads.productDeleted(productId));
        }
        return held.isPresent();
    }

    /** Sets the stock of the variant; empty if there is no such variant. */
    Optional<CatalogProduct.Variant> stock(long variantId, int quantity, boolean webhook) {
        Optional<Catalog.VariantRef> ref = shop.catalog().variant(variantId);
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        Instant now = now();
        CatalogProduct updated = shop.catalog().update(ref.get().product().id(),
                p -> p.withInventory(variantId, quantity, now)).orElseThrow();
        CatalogProduct.Variant variant = updated.variants().stream().filter(v -> v.id() == variantId).findFirst().orElseThrow();
        if (webhook) {
            shop.emit("inventory_levels/update", WebhookPayloads.inventoryLevel(variant, LOCATION_ID, now));
        }
        return Optional.of(variant);
    }

    /** Re-prices the first {@code count} products (each by a cent more than before), one webhook each. */
    int bulkReprice(int count, boolean webhook) {
        List<CatalogProduct> targets = shop.catalog().products().stream().limit(count).toList();
        for (CatalogProduct p : targets) {
            BigDecimal price = p.variants().isEmpty() ? BigDecimal.ONE : p.variants().get(0).price().add(new BigDecimal("0.01"));
            edit(p.id(), null, price, webhook);
        }
        return targets.size();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
