package dev.salesbot.sandbox.shopify.admin;

import dev.salesbot.sandbox.shopify.admin.PassThroughWiring.Resolver;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The root object a request executes against: one map holding the {@code QueryRoot} fields the
 * sandbox serves and the {@code Mutation} fields it supports (graphql-java uses the same root for
 * both). Root fields not listed here answer null, as an unsupported feature would.
 */
final class AdminRoot {

    private AdminRoot() {
    }

    static Map<String, Object> of(SandboxShop shop, AdminSchema schema, InstantSource clock, AdminGraphql admin) {
        Catalog catalog = shop.catalog();
        WebhookSubscriptions webhooks = shop.webhooks();
        Views views = new Views(catalog);
        Map<String, Object> root = new HashMap<>();
        root.put("shop", (Resolver) env -> views.store.shop());
        root.put("products", (Resolver) env -> {
            Predicate<CatalogProduct> filter = ProductSearch.parse(env.getArgument("query"));
            List<CatalogProduct> all = catalog.products();
            List<CatalogProduct> matching = env.getArgument("query") == null ? all : all.stream().filter(filter).toList();
            return Connections.page(matching, CatalogProduct::id, env, views.products::product);
        });
        root.put("productsCount", (Resolver) env -> StoreViews.count(
                (int) catalog.products().stream().filter(ProductSearch.parse(env.getArgument("query"))).count()));
        root.put("product", (Resolver) env -> byGid(env.getArgument("id"), "Product")
                .flatMap(catalog::product).map(views.products::product).orElse(null));
        root.put("productByHandle", (Resolver) env -> catalog.products().stream()
                .filter(p -> p.handle().equals(env.getArgument("handle"))).findFirst()
                .map(views.products::product).orElse(null));
        root.put("productVariant", (Resolver) env -> byGid(env.getArgument("id"), "ProductVariant")
                .flatMap(catalog::variant).map(r -> views.products.variant(r.product(), r.variant())).orElse(null));
        root.put("productVariants", (Resolver) env -> {
            List<Catalog.VariantRef> variants = new ArrayList<>(catalog.variantCount());
            catalog.products().forEach(p -> p.variants().forEach(v -> variants.add(new Catalog.VariantRef(p, v))));
            return Connections.page(variants, r -> r.variant().id(), env,
                    r -> views.products.variant(r.product(), r.variant()));
        });
        root.put("collections", (Resolver) env -> Connections.page(catalog.collections(), CatalogCollection::id,
                env, views.store::collection));
        root.put("collectionsCount", StoreViews.count(catalog.collections().size()));
        root.put("collection", (Resolver) env -> byGid(env.getArgument("id"), "Collection")
                .flatMap(catalog::collection).map(views.store::collection).orElse(null));
        root.put("discountNodes", (Resolver) env -> Connections.page(catalog.discounts(), CatalogDiscount::id, env,
                views.discounts::discountNode));
        root.put("discountNodesCount", StoreViews.count(catalog.discounts().size()));
        root.put("discountNode", (Resolver) env -> byGid(env.getArgument("id"), "DiscountCodeNode")
                .flatMap(catalog::discount).map(views.discounts::discountNode).orElse(null));
        root.put("codeDiscountNodes", (Resolver) env -> Connections.page(catalog.discounts(), CatalogDiscount::id, env,
                views.discounts::codeDiscountNode));
        root.put("codeDiscountNode", (Resolver) env -> byGid(env.getArgument("id"), "DiscountCodeNode")
                .flatMap(catalog::discount).map(views.discounts::codeDiscountNode).orElse(null));
        root.put("codeDiscountNodeByCode", (Resolver) env -> catalog.discounts().stream()
                .filter(d -> d.codes().stream().anyMatch(c -> c.code().equals(env.getArgument("code"))))
                .findFirst().map(views.discounts::codeDiscountNode).orElse(null));
        root.put("nodes", (Resolver) env -> {
            List<Object> ids = env.getArgument("ids");
            List<Object> found = new ArrayList<>(ids.size());
            ids.forEach(id -> found.add(node(views, catalog, webhooks, id)));
            return found;
        });
        root.put("node", (Resolver) env -> node(views, catalog, webhooks, env.getArgument("id")));
        root.put("webhookSubscriptions", (Resolver) env -> Connections.page(webhooks.all(),
                WebhookSubscriptions.Subscription::id, env, StoreViews::webhook));
        root.put("webhookSubscription", (Resolver) env -> byGid(env.getArgument("id"), "WebhookSubscription")
                .flatMap(webhooks::find).map(StoreViews::webhook).orElse(null));
        AdminMutations mutations = new AdminMutations(shop, schema, clock, views.products::product);
        root.put("productUpdate", (Resolver) mutations::productUpdate);
        root.put("webhookSubscriptionCreate", (Resolver) mutations::webhookSubscriptionCreate);
        root.put("webhookSubscriptionDelete", (Resolver) mutations::webhookSubscriptionDelete);
        BulkOperations bulk = shop.bulk();
        root.put("bulkOperationRunQuery", (Resolver) env -> bulk.run(env.getArgument("query"),
                Boolean.TRUE.equals(env.getArgument("groupObjects")),
                env.getGraphQlContext().getOrDefault(AccessInstrumentation.GRANTED, java.util.Set.of()), schema, admin::executeBulk));
        root.put("bulkOperation", (Resolver) env -> byGid(env.getArgument("id"), "BulkOperation")
                .flatMap(bulk::find).map(bulk::view).orElse(null));
        root.put("bulkOperationCancel", (Resolver) env -> byGid(env.getArgument("id"), "BulkOperation")
                .flatMap(bulk::cancel).map(o -> BulkOperations.payload(bulk.view(o), List.of()))
                .orElseGet(() -> BulkOperations.payload(null, List.of(BulkQueryRules.userError("INVALID", "Bulk operation does not exist")))));
        return root;
    }

    private static Object node(Views views, Catalog catalog, WebhookSubscriptions webhooks, Object id) {
        return Ids.parse(id).map(gid -> (Object) switch (gid.type()) {
            case "Product" -> catalog.product(gid.id()).map(views.products::product).orElse(null);
            case "ProductVariant" -> catalog.variant(gid.id())
                    .map(r -> views.products.variant(r.product(), r.variant())).orElse(null);
            case "Collection" -> catalog.collection(gid.id()).map(views.store::collection).orElse(null);
            case "InventoryItem" -> catalog.variantOfInventoryItem(gid.id())
                    .map(r -> views.products.inventoryItem(r.product(), r.variant())).orElse(null);
            case "DiscountCodeNode" -> catalog.discount(gid.id()).map(views.discounts::codeDiscountNode).orElse(null);
            case "WebhookSubscription" -> webhooks.find(gid.id()).map(StoreViews::webhook).orElse(null);
            case "Shop" -> gid.id() == catalog.shop().id() ? views.store.shop() : null;
            default -> null;
        }).orElse(null);
    }

    private static Optional<Long> byGid(Object id, String type) {
        return Ids.parse(id).filter(g -> g.type().equals(type)).map(Ids.Gid::id);
    }

    /** The views of one request, wired to each other. */
    private static final class Views {
        final ProductViews products;
        final StoreViews store;
        final DiscountViews discounts;

        Views(Catalog catalog) {
            ProductViews[] late = new ProductViews[1];
            store = new StoreViews(catalog, p -> late[0].product(p));
            products = new ProductViews(catalog, store);
            late[0] = products;
            discounts = new DiscountViews(catalog, store);
        }
    }
}
