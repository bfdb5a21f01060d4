package dev.salesbot.sandbox.shopify.admin;

import dev.salesbot.sandbox.shopify.admin.PassThroughWiring.Resolver;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The shop, collections and webhook subscriptions as the Admin schema shows them (see {@link ProductViews}). */
final class StoreViews {

    private final Catalog catalog;
    private final Function<CatalogProduct, Map<String, Object>> productView;

    StoreViews(Catalog catalog, Function<CatalogProduct, Map<String, Object>> productView) {
        this.catalog = catalog;
        this.productView = productView;
    }

    /** A store's published policies: a sales bot quotes them when asked about returns or shipping. */
    private static List<Map<String, Object>> policies(ShopProfile s) {
        String base = "https://" + s.primaryDomainHost() + "/policies/";
        return List.of(
                policy(s, 1, "REFUND_POLICY", "Refund policy", base + "refund-policy",
                        "<p>Unused items can be returned within 30 days of delivery for a full refund.</p>"),
                policy(s, 2, "SHIPPING_POLICY", "Shipping policy", base + "shipping-policy",
                        "<p>Orders ship within 2 business days. Free standard shipping over 100.00.</p>"),
                policy(s, 3, "PRIVACY_POLICY", "Privacy policy", base + "privacy-policy",
                        "<p>We only use your details to fulfil your orders.</p>"));
    }

    private static Map<String, Object> policy(ShopProfile s, int n, String type, String title, String url, String body) {
        return Map.of(PassThroughWiring.TYPENAME, "ShopPolicy", "id", Ids.gid("ShopPolicy", s.id() * 10 + n),
                "type", type, "title", title, "url", url, "body", body, "handle", type.toLowerCase().replace('_', '-'));
    }

    Map<String, Object> shop() {
        ShopProfile s = catalog.shop();
        Map<String, Object> m = new HashMap<>(48);
        m.put(PassThroughWiring.TYPENAME, "Shop");
        m.put("id", Ids.gid("Shop", s.id()));
        m.put("name", s.name());
        m.put("email", s.email());
        m.put("contactEmail", s.email());
        m.put("myshopifyDomain", s.myshopifyDomain());
        m.put("url", "https://" + s.primaryDomainHost());
        m.put("primaryDomain", Map.of(PassThroughWiring.TYPENAME, "Domain", "id", Ids.gid("Domain", s.id() + 1),
                "host", s.primaryDomainHost(), "url", "https://" + s.primaryDomainHost(), "sslEnabled", true));
        m.put("currencyCode", s.currencyCode());
        m.put("enabledPresentmentCurrencies", List.of(s.currencyCode()));
        m.put("description", s.name() + " — boards, outerwear and gear for every kind of winter day.");
        m.put("ianaTimezone", s.ianaTimezone());
        m.put("timezoneAbbreviation", "EDT");
        m.put("timezoneOffset", "-0400");
        m.put("timezoneOffsetMinutes", -240);
        m.put("createdAt", s.createdAt());
        m.put("updatedAt", CatalogSeeder.SEEDED_AT);
        m.put("shopOwnerName", s.name() + " Owner");
        m.put("plan", Map.of("partnerDevelopment", false, "shopifyPlus", false, "publicDisplayName", "Basic"));
        m.put("shopPolicies", policies(s));
        m.put("weightUnit", "KILOGRAMS");
        m.put("unitSystem", "METRIC_SYSTEM");
        m.put("taxesIncluded", false);
        m.put("taxShipping", false);
        m.put("checkoutApiSupported", true);
        m.put("setupRequired", false);
        m.put("transactionalSmsDisabled", false);
        m.put("marketingSmsConsentEnabledAtCheckout", false);
        m.put("orderNumberFormatPrefix", "#");
        m.put("orderNumberFormatSuffix", "");
        m.put("shipsToCountries", List.of("US", "CA"));
        return m;
    }

    Map<String, Object> collection(CatalogCollection c) {
        Map<String, Object> m = new HashMap<>(32);
        m.put(PassThroughWiring.TYPENAME, "Collection");
        m.put("id", Ids.gid("Collection", c.id()));
        m.put("legacyResourceId", String.valueOf(c.id()));
        m.put("title", c.title());
        m.put("handle", c.handle());
        m.put("description", c.description());
        m.put("descriptionHtml", c.descriptionHtml());
        m.put("updatedAt", c.updatedAt());
        m.put("sortOrder", "BEST_SELLING");
        m.put("image", null);
        m.put("templateSuffix", null);
        m.put("seo", ProductViews.seo(c.title(), c.description()));
        m.put("productsCount", count(c.productIds().size()));
        m.put("products", (Resolver) env -> Connections.page(new ProductsById(catalog, c.productIds()),
                CatalogProduct::id, env, productView));
        m.put("hasProduct", (Resolver) env -> Ids.parse(env.getArgument("id"))
                .map(g -> c.productIds().contains(g.id())).orElse(false));
        return m;
    }

    static Map<String, Object> webhook(WebhookSubscriptions.Subscription s) {
        Map<String, Object> m = new HashMap<>(20);
        m.put(PassThroughWiring.TYPENAME, "WebhookSubscription");
        m.put("id", Ids.gid("WebhookSubscription", s.id()));
        m.put("legacyResourceId", String.valueOf(s.id()));
        m.put("topic", s.topic());
        m.put("uri", s.uri());
        m.put("callbackUrl", s.uri());
        m.put("endpoint", Map.of(PassThroughWiring.TYPENAME, "WebhookHttpEndpoint", "callbackUrl", s.uri()));
        m.put("format", s.format());
        m.put("includeFields", s.includeFields());
        m.put("metafieldNamespaces", List.of());
        m.put("metafields", List.of());
        m.put("filter", s.filter());
        m.put("name", s.name());
        m.put("createdAt", s.createdAt());
        m.put("updatedAt", s.createdAt());
        m.put("apiVersion", Map.of("handle", AdminSchema.API_VERSION, "displayName", AdminSchema.API_VERSION,
                "supported", true));
        return m;
    }

    static Map<String, Object> count(int count) {
        return Map.of("count", count, "precision", "EXACT");
    }

    static Map<String, Object> money(BigDecimal amount, String currency) {
        return Map.of("amount", amount, "currencyCode", currency);
    }

    /** A collection's product ids seen as products, without copying them. */
    private static final class ProductsById extends java.util.AbstractList<CatalogProduct>
            implements java.util.RandomAccess {
        private final Catalog catalog;
        private final List<Long> ids;

        ProductsById(Catalog catalog, List<Long> ids) {
            this.catalog = catalog;
            this.ids = ids;
        }

        @Override
        public CatalogProduct get(int index) {
            return catalog.product(ids.get(index)).orElseThrow();
        }

        @Override
        public int size() {
            return ids.size();
        }
    }
}
