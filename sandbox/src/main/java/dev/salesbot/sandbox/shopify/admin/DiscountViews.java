package dev.salesbot.sandbox.shopify.admin;

import dev.salesbot.sandbox.shopify.admin.CatalogDiscount.RedeemCode;
import dev.salesbot.sandbox.shopify.admin.PassThroughWiring.Resolver;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Code discounts as the Admin schema shows them: {@code DiscountNode.discount} (2026-10) and the
 * deprecated {@code DiscountCodeNode.codeDiscount}, both over the same union members.
 */
final class DiscountViews {

    private final Catalog catalog;
    private final StoreViews store;

    DiscountViews(Catalog catalog, StoreViews store) {
        this.catalog = catalog;
        this.store = store;
    }

    Map<String, Object> discountNode(CatalogDiscount d) {
        Map<String, Object> m = new HashMap<>();
        m.put(PassThroughWiring.TYPENAME, "DiscountNode");
        m.put("id", Ids.gid("DiscountCodeNode", d.id()));
        m.put("discount", discount(d));
        return m;
    }

    Map<String, Object> codeDiscountNode(CatalogDiscount d) {
        Map<String, Object> m = new HashMap<>();
        m.put(PassThroughWiring.TYPENAME, "DiscountCodeNode");
        m.put("id", Ids.gid("DiscountCodeNode", d.id()));
        m.put("codeDiscount", discount(d));
        return m;
    }

    private Map<String, Object> discount(CatalogDiscount d) {
        String currency = catalog.shop().currencyCode();
        Map<String, Object> m = new HashMap<>(40);
        m.put(PassThroughWiring.TYPENAME, d.kind());
        m.put("title", d.title());
        m.put("status", d.status());
        m.put("summary", d.summary(currency));
        m.put("shortSummary", d.summary(currency).split(" • ")[0]);
        m.put("createdAt", d.createdAt());
        m.put("updatedAt", d.createdAt());
        m.put("startsAt", d.startsAt());
        m.put("endsAt", d.endsAt());
        m.put("asyncUsageCount", (int) (d.id() % 97));
        m.put("usageLimit", d.usageLimit());
        m.put("appliesOncePerCustomer", d.appliesOncePerCustomer());
        m.put("appliesOnOneTimePurchase", true);
        m.put("appliesOnSubscription", false);
        m.put("hasTimelineComment", false);
        m.put("recurringCycleLimit", null);
        m.put("usesPerOrderLimit", null);
        m.put("tags", List.of());
        m.put("totalSales", StoreViews.money(BigDecimal.valueOf(d.id() % 5_000, 0).setScale(2), currency));
        m.put("codes", (Resolver) env -> Connections.page(d.codes(), RedeemCode::id, env, DiscountViews::redeemCode));
        m.put("codesCount", StoreViews.count(d.codeCount()));
        m.put("combinesWith", Map.of("orderDiscounts", false, "productDiscounts", true, "shippingDiscounts",
                !d.kind().equals("DiscountCodeFreeShipping")));
        m.put("context", Map.of(PassThroughWiring.TYPENAME, "DiscountBuyerSelectionAll", "all", "ALL"));
        m.put("discountClasses", List.of(switch (d.kind()) {
            case "DiscountCodeFreeShipping" -> "SHIPPING";
            case "DiscountCodeBxgy" -> "PRODUCT";
            default -> d.collectionId() == null ? "ORDER" : "PRODUCT";
        }));
        m.put("minimumRequirement", d.minimumSubtotal() == null ? null : Map.of(PassThroughWiring.TYPENAME,
                "DiscountMinimumSubtotal", "greaterThanOrEqualToSubtotal", StoreViews.money(d.minimumSubtotal(), currency)));
        switch (d.kind()) {
            case "DiscountCodeFreeShipping" -> {
                m.put("destinationSelection", Map.of(PassThroughWiring.TYPENAME, "DiscountCountryAll", "allCountries", true));
                m.put("maximumShippingPrice", null);
            }
            case "DiscountCodeBxgy" -> {
                m.put("customerBuys", Map.of("value", Map.of(PassThroughWiring.TYPENAME, "DiscountQuantity",
                                "quantity", String.valueOf(d.buyQuantity())), "items", items(d),
                        "isOneTimePurchase", true, "isSubscription", false));
                m.put("customerGets", customerGets(d, Map.of(PassThroughWiring.TYPENAME, "DiscountOnQuantity",
                        "quantity", Map.of("quantity", String.valueOf(d.getQuantity())),
                        "effect", Map.of(PassThroughWiring.TYPENAME, "DiscountPercentage", "percentage", d.percentage()))));
            }
            default -> m.put("customerGets", customerGets(d, d.percentage() != null
                    ? Map.of(PassThroughWiring.TYPENAME, "DiscountPercentage", "percentage", d.percentage())
                    : Map.of(PassThroughWiring.TYPENAME, "DiscountAmount", "amount",
                    StoreViews.money(d.amount(), currency), "appliesOnEachItem", false)));
        }
        return m;
    }

    private Map<String, Object> customerGets(CatalogDiscount d, Map<String, Object> value) {
        return Map.of("value", value, "items", items(d), "appliesOnOneTimePurchase", true, "appliesOnSubscription", false);
    }

    private Map<String, Object> items(CatalogDiscount d) {
        if (d.collectionId() == null) {
            return Map.of(PassThroughWiring.TYPENAME, "AllDiscountItems", "allItems", true);
        }
        List<CatalogCollection> collections = catalog.collection(d.collectionId()).map(List::of).orElse(List.of());
        return Map.of(PassThroughWiring.TYPENAME, "DiscountCollections", "collections",
                (Resolver) env -> Connections.page(collections, CatalogCollection::id, env, store::collection));
    }

    private static Map<String, Object> redeemCode(RedeemCode code) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", Ids.gid("DiscountRedeemCode", code.id()));
        m.put("code", code.code());
        m.put("asyncUsageCount", code.asyncUsageCount());
        m.put("createdBy", null);
        return m;
    }
}
