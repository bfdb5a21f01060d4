package dev.salesbot.sandbox.shopify.admin;

import graphql.GraphQLException;
import graphql.execution.RawVariables;
import graphql.language.OperationDefinition;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import jakarta.json.JsonObject;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's Admin API called in process, for unit tests of code outside this package (the
 * product's catalog fetch): a seeded store with the given bucket on the caller's clock, answering
 * what an HTTP 200 from {@code graphql.json} would carry. Anything but a 200 (only injected faults
 * give one) is an {@link IllegalStateException}: tests that need scripted failures script them.
 */
public final class InProcessShopify {

    /** One request as the store saw it: operation name, requested cost, and whether it was refused as THROTTLED. */
    public record Exchange(String operation, int requestedCost, boolean throttled) {
    }

    /** A seeded item and the size of its biggest nested list. */
    public record Largest(String id, int size) {
    }

    private final SandboxShop shop;
    private final AdminGraphql admin;
    private final List<Exchange> exchanges = new ArrayList<>();
    private final java.util.Set<String> granted;
    private final List<Map.Entry<String, JsonObject>> webhooks = new ArrayList<>();

    /** A store whose token was granted {@code grantedScope} (comma-separated, as the token endpoint lists it). */
    public InProcessShopify(String shop, int products, double bucketSize, double restoreRate, InstantSource clock,
                            String grantedScope) {
        this.shop = new SandboxShop(shop, products, bucketSize, restoreRate, clock);
        this.admin = new AdminGraphql(AdminSchema.load(), clock);
        this.granted = AccessRules.scopes(grantedScope);
        this.shop.onEvent((topic, payload) -> {
            synchronized (webhooks) {
                webhooks.add(Map.entry(topic, JsonValues.toJson(payload).asJsonObject()));
            }
        });
    }

    /** {@code Type.field}s denied whatever the scopes (a staff permission the store withholds). */
    public InProcessShopify denyFields(List<String> fields) {
        shop.denyFields(fields);
        return this;
    }

    /** What the product's {@code GraphqlTransport.post} does against Shopify. */
    @SuppressWarnings("unchecked")
    public JsonObject post(String query, JsonObject variables) {
        Map<String, Object> vars = variables == null ? Map.of() : (Map<String, Object>) JsonValues.toJava(variables);
        AdminAnswer answer = admin.execute(shop, query, vars, null, granted);
        if (answer.status() != 200) {
            throw new IllegalStateException("Sandbox Admin API answered HTTP " + answer.status());
        }
        Map<String, Object> body = (Map<String, Object>) answer.body();
        exchanges.add(new Exchange(operationName(query), requested(body), isThrottled(body)));
        return JsonValues.toJson(body).asJsonObject();
    }

    /**
     * Why the store would refuse {@code query} with {@code variables} before executing it: schema
     * validation, variables that do not coerce, page sizes; empty when it would run.
     */
    public List<String> problems(String query, Map<String, Object> variables) {
        List<String> problems = new ArrayList<>();
        AdminSchema.load().validate(query).forEach(e -> problems.add(e.getMessage()));
        if (problems.isEmpty()) {
            try {
                requested(query, variables).problems().forEach(p -> problems.add(p.message()));
            } catch (GraphQLException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    /** The requested cost the store charges for {@code query} with {@code variables}. */
    public int requestedCost(String query, Map<String, Object> variables) {
        return requested(query, variables).cost();
    }

    /** The pace of this store's bulk operations: objects a second, and the wait before one runs. */
    public InProcessShopify bulkPace(double objectsPerSecond, long startMillis) {
        synchronized (shop.bulk().knobs()) {
            shop.bulk().knobs().objectsPerSecond = objectsPerSecond;
            shop.bulk().knobs().startMillis = startMillis;
        }
        return this;
    }

    /** Whether the app may run bulk queries ({@link BulkAccess}); without, {@code bulkOperationRunQuery} answers ACCESS_DENIED. */
    public InProcessShopify bulkQueries(boolean allowed) {
        shop.bulk().access(new BulkAccess(allowed));
        return this;
    }

    /** The next {@code count} bulk operations fail with {@code errorCode}, with partial data when {@code partial}. */
    public InProcessShopify bulkFailNext(int count, String errorCode, boolean partial) {
        synchronized (shop.bulk().knobs()) {
            shop.bulk().knobs().failNext = count;
            shop.bulk().knobs().errorCode = errorCode;
            shop.bulk().knobs().partial = partial;
        }
        return this;
    }

    /** The next {@code count} bulk operations end CANCELED (as if canceled in the Shopify admin or by another app). */
    public InProcessShopify bulkCancelNext(int count) {
        synchronized (shop.bulk().knobs()) {
            shop.bulk().knobs().cancelNext = count;
        }
        return this;
    }

    /** Results of bulk operations created from now on stay downloadable this long, then the operation is EXPIRED. */
    public InProcessShopify bulkUrlSeconds(long seconds) {
        synchronized (shop.bulk().knobs()) {
            shop.bulk().knobs().urlSeconds = seconds;
        }
        return this;
    }

    /** While {@code hold}, this store's operations stay RUNNING once their objects are read; false lets them end. */
    public InProcessShopify bulkHold(boolean hold) {
        shop.bulk().knobs().hold = hold;
        return this;
    }

    /** How many operations the hold keeps RUNNING now. */
    public int bulkHeld() {
        return shop.bulk().held();
    }

    /** How many operations {@code bulkOperationRunQuery} created. */
    public long bulkRunQueries() {
        return shop.bulk().started();
    }

    /** A bulk result's bytes, as a plain HTTP GET of its {@code url} would stream them; empty once expired. */
    public java.util.Optional<java.io.InputStream> download(String url) throws java.io.IOException {
        return BulkResults.open(url);
    }

    /** Why Shopify would refuse {@code query} as a bulk query ({@code bulkOperationRunQuery}'s user error messages). */
    public static List<String> bulkProblems(String query) {
        return BulkQueryRules.check(AdminSchema.load(), query).stream().map(e -> String.valueOf(e.get("message"))).toList();
    }

    /** Empties the bucket, as another app's burst on the same store would. */
    public void drainBucket() {
        shop.bucket().tryTake(shop.bucket().status().currentlyAvailable());
    }

    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /** The store's counters: {@code requests}, {@code invalid}, {@code throttled}, {@code maxCostExceeded}, {@code deprecated}… */
    public Map<String, Object> stats() {
        return shop.stats().snapshot();
    }

    /**
     * The webhooks the store sent since the last call ({@code topic} → its JSON body), in order:
     * merchant actions below send what Shopify would.
     */
    public List<Map.Entry<String, JsonObject>> takeWebhooks() {
        synchronized (webhooks) {
            List<Map.Entry<String, JsonObject>> sent = List.copyOf(webhooks);
            webhooks.clear();
            return sent;
        }
    }

    /** A merchant renames and/or re-prices a product in the Shopify admin ({@code products/update}). */
    public void editProduct(String productGid, String title, String price) {
        new MerchantActions(shop).edit(id(productGid, "Product"), title, price == null ? null : new java.math.BigDecimal(price), true)
                .orElseThrow(() -> new IllegalArgumentException("no product " + productGid));
    }

    /** A merchant deletes a product ({@code products/delete}); it leaves its collections. */
    public void deleteProduct(String productGid) {
        if (!new MerchantActions(shop).delete(id(productGid, "Product"), true)) {
            throw new IllegalArgumentException("no product " + productGid);
        }
    }

    /** A variant's stock changes ({@code inventory_levels/update}, naming only its inventory item). */
    public void stock(String variantGid, int quantity) {
        new MerchantActions(shop).stock(id(variantGid, "ProductVariant"), quantity, true)
                .orElseThrow(() -> new IllegalArgumentException("no variant " + variantGid));
    }

    /** Product ids of the store, ascending. */
    public List<String> productIds() {
        return shop.catalog().products().stream().map(p -> Ids.gid("Product", p.id())).toList();
    }

    /** The first variant of a product. */
    public String firstVariantOf(String productGid) {
        return shop.catalog().product(id(productGid, "Product"))
                .map(p -> Ids.gid("ProductVariant", p.variants().get(0).id())).orElseThrow();
    }

    /** Products in at least one collection: deleting one of them changes a collection too. */
    public List<String> productsInCollections() {
        return shop.catalog().collections().stream().flatMap(c -> c.productIds().stream()).distinct().sorted()
                .map(id -> Ids.gid("Product", id)).toList();
    }

    private static long id(String gid, String type) {
        return Ids.parse(gid).filter(g -> g.type().equals(type)).map(Ids.Gid::id)
                .orElseThrow(() -> new IllegalArgumentException("not a " + type + " id: " + gid));
    }

    /** The seeded product with the most variants: the case nested variant paging exists for. */
    public Largest productWithMostVariants() {
        CatalogProduct most = shop.catalog().products().stream()
                .max(Comparator.comparingInt(p -> p.variants().size())).orElseThrow();
        return new Largest(Ids.gid("Product", most.id()), most.variants().size());
    }

    /** The seeded discount with the most redeem codes. */
    public Largest discountWithMostCodes() {
        CatalogDiscount most = shop.catalog().discounts().stream()
                .max(Comparator.comparingInt(CatalogDiscount::codeCount)).orElseThrow();
        return new Largest(Ids.gid("DiscountCodeNode", most.id()), most.codeCount());
    }

    /** The seeded collection with the most products. */
    public Largest collectionWithMostProducts() {
        CatalogCollection most = shop.catalog().collections().stream()
                .max(Comparator.comparingInt(c -> c.productIds().size())).orElseThrow();
        return new Largest(Ids.gid("Collection", most.id()), most.productIds().size());
    }

    private static QueryCosts.Requested requested(String query, Map<String, Object> variables) {
        GraphQLSchema schema = AdminSchema.load().graphQLSchema();
        return new QueryCosts(schema).requested(ExecutableNormalizedOperationFactory
                .createExecutableNormalizedOperationWithRawVariables(schema, Parser.parse(query), null, RawVariables.of(variables)));
    }

    private static String operationName(String query) {
        return Parser.parse(query).getDefinitionsOfType(OperationDefinition.class).get(0).getName();
    }

    @SuppressWarnings("unchecked")
    private static int requested(Map<String, Object> body) {
        Object extensions = body.get("extensions");
        if (extensions instanceof Map<?, ?> map && map.get("cost") instanceof Map<?, ?> cost) {
            return ((Number) cost.get("requestedQueryCost")).intValue();
        }
        return 0;
    }

    private static boolean isThrottled(Map<String, Object> body) {
        return body.get("errors") instanceof List<?> errors && errors.stream().anyMatch(e -> e instanceof Map<?, ?> error
                && error.get("extensions") instanceof Map<?, ?> ext && "THROTTLED".equals(ext.get("code")));
    }
}
