package dev.salesbot.sync.shopify.catalog;

import dev.salesbot.sync.shopify.graphql.GraphqlQuery;

/**
 * Every Admin GraphQL query the catalog fetch sends, with its page sizes and its requested cost.
 *
 * <p>Costs follow Shopify's documented static analysis: a scalar or enum costs 0, an object 1, an
 * interface or union the most expensive of its possible selections, a connection 2 plus
 * {@code first} × the cost of one node. Only connections are sized by {@code first}: a list of
 * objects that is not a connection counts as one object, even with a size argument such as
 * {@code options(first: 3)}. {@code CatalogQueriesTest} recomputes each figure with the sandbox's
 * cost model and the real schema, so a changed query or page size cannot silently exceed
 * Shopify's 1,000-point ceiling.
 * No query selects a deprecated field or argument (checked against the schema too).
 *
 * <table>
 *   <caption>queries, sizes and requested costs</caption>
 *   <tr><th>query</th><th>sizes</th><th>cost</th></tr>
 *   <tr><td>products</td><td>15 products × 25 variants (product 57)</td><td>2 + 15 × 57 = 857</td></tr>
 *   <tr><td>code discounts</td><td>15 discounts × 10 codes, 10 items (discount 54)</td><td>2 + 15 × 54 = 812</td></tr>
 *   <tr><td>collections</td><td>20 collections × 40 product ids</td><td>2 + 20 × 43 = 862</td></tr>
 *   <tr><td>shop / its legal policies</td><td>—</td><td>2 / 2</td></tr>
 *   <tr><td>variants follow-up</td><td>250</td><td>503</td></tr>
 *   <tr><td>codes / discount products / collections follow-up</td><td>250</td><td>254 / 256 / 256</td></tr>
 *   <tr><td>discount variants follow-up</td><td>250</td><td>506</td></tr>
 *   <tr><td>collection products follow-up</td><td>250</td><td>253</td></tr>
 *   <tr><td>products by id ({@code nodes(ids:)})</td><td>15 ids</td><td>15 × 57 = 855</td></tr>
 * </table>
 * Real Shopify often charges less than these rules; the pacer reads the real bucket level from
 * every answer. The bulk queries (no paging, no variables) are here too, beside the paged ones
 * whose fields they share.
 */
public final class CatalogQueries {

    /** Shopify rejects any single query whose requested cost is above this. */
    static final int MAX_QUERY_COST = 1000;

    static final int PRODUCTS_PAGE = 15;
    static final int VARIANTS_PER_PRODUCT = 25;
    static final int DISCOUNTS_PAGE = 15;
    static final int CODES_PER_DISCOUNT = 10;
    static final int ITEMS_PER_DISCOUNT = 10;
    static final int COLLECTIONS_PAGE = 20;
    static final int PRODUCTS_PER_COLLECTION = 40;
    /** Page size of every follow-up on one node: 250 is Shopify's largest page. */
    static final int FOLLOW_UP_PAGE = 250;
    /** Products per {@code nodes(ids:)} request of a partial sync. */
    static final int PRODUCTS_BY_ID_BATCH = 15;
    /** Collections per {@code nodes(ids:)} request of a partial sync. */
    static final int COLLECTIONS_BY_ID_BATCH = 20;
    /** Inventory items per {@code nodes(ids:)} lookup of their products. */
    static final int INVENTORY_ITEMS_BATCH = 50;
    /** Variants read per inventory item (one, unless the item is shared by combined listings). */
    static final int VARIANTS_PER_INVENTORY_ITEM = 5;

    // Requested costs (see the class comment for the rules; CatalogQueriesTest recomputes each one).
    /** shop 1 + primaryDomain 1. */
    public static final int SHOP_COST = 2;
    /** shop 1 + shopPolicies 1 (a list of objects, not a connection). */
    public static final int SHOP_POLICIES_COST = 2;
    /**
     * One product: itself 1 + featuredMedia→preview→image 3 + options 1 (a list, not a connection:
     * its {@code first} does not multiply) + variants 2 + 25 × (variant 1 + selectedOptions 1).
     */
    static final int PRODUCT_COST = 7 + 2 * VARIANTS_PER_PRODUCT;
    public static final int PRODUCTS_COST = 2 + PRODUCTS_PAGE * PRODUCT_COST;
    /** product 1 + variants 2 + 250 × 2. */
    static final int PRODUCT_VARIANTS_COST = 1 + 2 + FOLLOW_UP_PAGE * 2;
    /**
     * One code discount: node 1 + discount 1 + codes (2 + 10) + customerGets 1 + value 4
     * (DiscountOnQuantity: quantity 1 + effect 2) + items 1 + products (2 + 10) + productVariants
     * (2 + 10 × 2).
     */
    static final int DISCOUNT_COST = 14 + CODES_PER_DISCOUNT + 3 * ITEMS_PER_DISCOUNT;
    static final int DISCOUNTS_COST = 2 + DISCOUNTS_PAGE * DISCOUNT_COST;
    /** discountNode 1 + discount 1 + codes (2 + 250). */
    static final int DISCOUNT_CODES_COST = 2 + 2 + FOLLOW_UP_PAGE;
    /** discountNode 1 + discount 1 + customerGets 1 + items 1 + products (2 + 250). */
    static final int DISCOUNT_PRODUCTS_COST = 4 + 2 + FOLLOW_UP_PAGE;
    /** As products, each variant with its product: 2 + 250 × 2. */
    static final int DISCOUNT_VARIANTS_COST = 4 + 2 + FOLLOW_UP_PAGE * 2;
    static final int DISCOUNT_COLLECTIONS_COST = 4 + 2 + FOLLOW_UP_PAGE;
    /** 2 + 20 × (collection 1 + products (2 + 40)). */
    static final int COLLECTIONS_COST = 2 + COLLECTIONS_PAGE * (1 + 2 + PRODUCTS_PER_COLLECTION);
    /** collection 1 + products (2 + 250). */
    static final int COLLECTION_PRODUCTS_COST = 1 + 2 + FOLLOW_UP_PAGE;

    private static final String PAGE_INFO = "pageInfo { hasNextPage endCursor }";

    private static final String VARIANT_FIELDS = """
            fragment VariantFields on ProductVariant {
              id title sku price compareAtPrice inventoryQuantity availableForSale
              selectedOptions { name value }
            }
            """;

    private static final String PRODUCT_FIELDS = """
            fragment ProductFields on Product {
              id title handle description status vendor productType tags updatedAt
              featuredMedia { preview { image { url altText } } }
              options(first: 3) { name values }
              variants(first: $variantsFirst) { edges { cursor node { ...VariantFields } } %s }
            }
            """.formatted(PAGE_INFO) + VARIANT_FIELDS;

    static final GraphqlQuery SHOP = new GraphqlQuery("CatalogShop", """
            query CatalogShop {
              shop {
                name myshopifyDomain currencyCode contactEmail
                primaryDomain { url host }
              }
            }
            """);

    /** The connect answer's {@code polling_test}: a small live read with the new token (cost 2: {@code shop} and a count). */
    public static final GraphqlQuery POLLING_TEST = new GraphqlQuery("PollingTest", """
            query PollingTest {
              shop { name }
              productsCount { count precision }
            }
            """);

    /**
     * The store's legal policies, in a query of their own: their type needs
     * {@code read_legal_policies}, which the default scopes do not ask for, and Shopify can deny
     * them even with the scope, so their denial must never cost the rest of the snapshot.
     */
    static final GraphqlQuery SHOP_POLICIES = new GraphqlQuery("CatalogShopPolicies", """
            query CatalogShopPolicies {
              shop { shopPolicies { type title url body } }
            }
            """);

    public static final GraphqlQuery PRODUCTS = new GraphqlQuery("CatalogProducts", """
            query CatalogProducts($first: Int!, $after: String, $variantsFirst: Int!) {
              products(first: $first, after: $after) {
                edges { cursor node { ...ProductFields } }
                %s
              }
            }
            """.formatted(PAGE_INFO) + PRODUCT_FIELDS);

    static final GraphqlQuery PRODUCTS_BY_ID = new GraphqlQuery("CatalogProductsById", """
            query CatalogProductsById($ids: [ID!]!, $variantsFirst: Int!) {
              nodes(ids: $ids) { ... on Product { ...ProductFields } }
            }
            """ + PRODUCT_FIELDS);

    static final GraphqlQuery PRODUCT_VARIANTS = new GraphqlQuery("CatalogProductVariants", """
            query CatalogProductVariants($id: ID!, $first: Int!, $after: String) {
              product(id: $id) {
                id
                variants(first: $first, after: $after) { edges { cursor node { ...VariantFields } } %s }
              }
            }
            """.formatted(PAGE_INFO) + VARIANT_FIELDS);

    private static final String CODE_DISCOUNT_COMMON = """
            title status startsAt endsAt
            codes(first: $codesFirst) { edges { cursor node { code } } %s }
            """.formatted(PAGE_INFO);

    /** What a code discount gives, in paged and bulk queries alike. */
    private static final String DISCOUNT_VALUE = """
              value {
                ... on DiscountPercentage { percentage }
                ... on DiscountAmount { amount { amount currencyCode } appliesOnEachItem }
                ... on DiscountOnQuantity {
                  quantity { quantity }
                  effect {
                    ... on DiscountPercentage { percentage }
                    ... on DiscountAmount { amount { amount currencyCode } appliesOnEachItem }
                  }
                }
              }
            """;

    private static final String CUSTOMER_GETS = """
            customerGets {
            """ + DISCOUNT_VALUE + """
              items {
                ... on AllDiscountItems { allItems }
                ... on DiscountProducts {
                  products(first: $itemsFirst) { edges { cursor node { id } } %1$s }
                  productVariants(first: $itemsFirst) { edges { cursor node { id product { id } } } %1$s }
                }
                ... on DiscountCollections {
                  collections(first: $itemsFirst) { edges { cursor node { id } } %1$s }
                }
              }
            }
            """.formatted(PAGE_INFO);

    /** One code discount node as stored: the discount's type, its codes' first page and what it applies to. */
    private static final String DISCOUNT_FIELDS = """
            id
            discount {
              __typename
              ... on DiscountCodeBasic { %1$s summary %2$s }
              ... on DiscountCodeBxgy { %1$s summary %2$s }
              ... on DiscountCodeFreeShipping { %1$s summary }
              ... on DiscountCodeApp { %1$s }
            }
            """.formatted(CODE_DISCOUNT_COMMON, CUSTOMER_GETS);

    static final GraphqlQuery DISCOUNTS = new GraphqlQuery("CatalogCodeDiscounts", """
            query CatalogCodeDiscounts($first: Int!, $after: String, $codesFirst: Int!, $itemsFirst: Int!) {
              codeDiscountNodes: discountNodes(first: $first, after: $after, query: "method:code") {
                edges { cursor node { %s } }
                %s
              }
            }
            """.formatted(DISCOUNT_FIELDS, PAGE_INFO));

    /** One discount by id, for a partial sync; an automatic discount answers without a code type and is left out. */
    static final GraphqlQuery DISCOUNT_BY_ID = new GraphqlQuery("CatalogDiscountById", """
            query CatalogDiscountById($id: ID!, $codesFirst: Int!, $itemsFirst: Int!) {
              discountNode(id: $id) { %s }
            }
            """.formatted(DISCOUNT_FIELDS));

    static final GraphqlQuery DISCOUNT_CODES = new GraphqlQuery("CatalogDiscountCodes", """
            query CatalogDiscountCodes($id: ID!, $first: Int!, $after: String) {
              discountNode(id: $id) {
                id
                discount {
                  ... on DiscountCodeBasic { %1$s }
                  ... on DiscountCodeBxgy { %1$s }
                  ... on DiscountCodeFreeShipping { %1$s }
                  ... on DiscountCodeApp { %1$s }
                }
              }
            }
            """.formatted("codes(first: $first, after: $after) { edges { cursor node { code } } " + PAGE_INFO + " }"));

    static final GraphqlQuery DISCOUNT_PRODUCTS = discountItemsQuery("CatalogDiscountProducts", "DiscountProducts",
            "products(first: $first, after: $after) { edges { cursor node { id } } " + PAGE_INFO + " }");

    static final GraphqlQuery DISCOUNT_VARIANTS = discountItemsQuery("CatalogDiscountVariants", "DiscountProducts",
            "productVariants(first: $first, after: $after) { edges { cursor node { id product { id } } } " + PAGE_INFO + " }");

    static final GraphqlQuery DISCOUNT_COLLECTIONS = discountItemsQuery("CatalogDiscountCollections", "DiscountCollections",
            "collections(first: $first, after: $after) { edges { cursor node { id } } " + PAGE_INFO + " }");

    private static final String COLLECTION_FIELDS = """
            id title handle description updatedAt
            products(first: $productsFirst) { edges { cursor node { id } } %s }
            """.formatted(PAGE_INFO);

    static final GraphqlQuery COLLECTIONS = new GraphqlQuery("CatalogCollections", """
            query CatalogCollections($first: Int!, $after: String, $productsFirst: Int!) {
              collections(first: $first, after: $after) {
                edges { cursor node { %s } }
                %s
              }
            }
            """.formatted(COLLECTION_FIELDS, PAGE_INFO));

    static final GraphqlQuery COLLECTIONS_BY_ID = new GraphqlQuery("CatalogCollectionsById", """
            query CatalogCollectionsById($ids: [ID!]!, $productsFirst: Int!) {
              nodes(ids: $ids) { ... on Collection { %s } }
            }
            """.formatted(COLLECTION_FIELDS));

    /** Which product each inventory item belongs to: {@code inventory_levels/update} names only the item. */
    static final GraphqlQuery INVENTORY_ITEMS = new GraphqlQuery("CatalogInventoryItems", """
            query CatalogInventoryItems($ids: [ID!]!) {
              nodes(ids: $ids) { ... on InventoryItem { id variants(first: 5) { nodes { product { id } } } } }
            }
            """);

    static final GraphqlQuery COLLECTION_PRODUCTS = new GraphqlQuery("CatalogCollectionProducts", """
            query CatalogCollectionProducts($id: ID!, $first: Int!, $after: String) {
              collection(id: $id) {
                id
                products(first: $first, after: $after) { edges { cursor node { id } } %s }
              }
            }
            """.formatted(PAGE_INFO));

    // Bulk operations (BulkCatalogFetch): the same fields as the paged queries, without paging
    // arguments, cursors or pageInfo (Shopify pages a bulk query itself) and without variables or
    // fragments; each within Shopify's restrictions: at most five connection fields, counted as
    // written (each type condition's own), none under more than two others, no top-level node(s)
    // (https://shopify.dev/docs/api/usage/bulk-operations/queries). BulkCatalogFetchTest checks each
    // against the sandbox's rules and the real schema.

    /** Products with their variants: two connections. */
    public static final String BULK_PRODUCTS = """
            {
              products {
                edges { node {
                  id title handle description status vendor productType tags updatedAt
                  featuredMedia { preview { image { url altText } } }
                  options(first: 3) { name values }
                  variants { edges { node {
                    id title sku price compareAtPrice inventoryQuantity availableForSale
                    selectedOptions { name value }
                  } } }
                } }
              }
            }
            """;

    /** Collections with their products' ids: two connections. */
    public static final String BULK_COLLECTIONS = """
            {
              collections {
                edges { node {
                  id title handle description updatedAt
                  products { edges { node { id } } }
                } }
              }
            }
            """;

    private static final String BULK_CODE_COMMON = "title status startsAt endsAt codes { edges { node { code } } }";

    /** What a code discount gets, without its item connections (those come from the item queries below). */
    private static final String BULK_CUSTOMER_GETS = """
            customerGets {
            """ + DISCOUNT_VALUE + """
              items { __typename ... on AllDiscountItems { allItems } }
            }
            """;

    /** Code discounts with their codes: the root and one codes connection per code type, five. */
    public static final String BULK_DISCOUNTS = """
            {
              discountNodes(query: "method:code") {
                edges { node {
                  id
                  discount {
                    __typename
                    ... on DiscountCodeBasic { %1$s summary %2$s }
                    ... on DiscountCodeBxgy { %1$s summary %2$s }
                    ... on DiscountCodeFreeShipping { %1$s summary }
                    ... on DiscountCodeApp { %1$s }
                  }
                } }
              }
            }
            """.formatted(BULK_CODE_COMMON, BULK_CUSTOMER_GETS);

    /** What one code type's discounts apply to (products, variants, collections): four connections. */
    private static String bulkDiscountItems(String type) {
        return """
                {
                  discountNodes(query: "method:code") {
                    edges { node {
                      id
                      discount {
                        ... on %s {
                          customerGets { items {
                            ... on DiscountProducts {
                              products { edges { node { id } } }
                              productVariants { edges { node { id product { id } } } }
                            }
                            ... on DiscountCollections { collections { edges { node { id } } } }
                          } }
                        }
                      }
                    } }
                  }
                }
                """.formatted(type);
    }

    public static final String BULK_BASIC_DISCOUNT_ITEMS = bulkDiscountItems("DiscountCodeBasic");
    public static final String BULK_BXGY_DISCOUNT_ITEMS = bulkDiscountItems("DiscountCodeBxgy");

    /** Starts a bulk query (a mutation: 10 points). */
    public static final GraphqlQuery BULK_RUN = new GraphqlQuery("RunBulkQuery", """
            mutation RunBulkQuery($query: String!) {
              bulkOperationRunQuery(query: $query) {
                bulkOperation { id status }
                userErrors { field message code }
              }
            }
            """);

    /** A bulk operation's state: one object, 1 point. */
    public static final GraphqlQuery BULK_STATUS = new GraphqlQuery("BulkOperationStatus", """
            query BulkOperationStatus($id: ID!) {
              bulkOperation(id: $id) { id status errorCode objectCount rootObjectCount fileSize url partialDataUrl }
            }
            """);

    public static final int BULK_STATUS_COST = 1;

    /** How many products the store has (chooses paging or bulk): one object, 1 point. */
    static final GraphqlQuery PRODUCTS_COUNT = new GraphqlQuery("CatalogProductsCount", """
            query CatalogProductsCount {
              productsCount { count precision }
            }
            """);

    public static final int PRODUCTS_COUNT_COST = 1;

    private CatalogQueries() {
    }

    /** {@code nodes(ids:)} is sized by its list: one product each. */
    static int productsByIdCost(int ids) {
        return ids * PRODUCT_COST;
    }

    /** One collection node: itself 1 + products (2 + 40). */
    static final int COLLECTION_COST = 1 + 2 + PRODUCTS_PER_COLLECTION;

    static int collectionsByIdCost(int ids) {
        return ids * COLLECTION_COST;
    }

    /** One inventory item: itself 1 + variants (2 + 5 × (variant 1 + product 1)). */
    static int inventoryItemsCost(int ids) {
        return ids * (1 + 2 + VARIANTS_PER_INVENTORY_ITEM * 2);
    }

    /** discountNode 1 + the discount (as one node of the discounts page: {@link #DISCOUNT_COST} − its node). */
    static final int DISCOUNT_BY_ID_COST = DISCOUNT_COST;

    /**
     * What a partial sync requests to read changes by id, summed over the batches it sends
     * ({@link CatalogFetch}): the inventory items' products looked up in batches of
     * {@value #INVENTORY_ITEMS_BATCH}, then those products (one per item at most) with the changed
     * ones in batches of {@value #PRODUCTS_BY_ID_BATCH}, collections in batches of
     * {@value #COLLECTIONS_BY_ID_BATCH}, discounts one by one, the shop with its policies. What a
     * deleted product's collections and discounts add is not known beforehand and not counted.
     */
    public static long byIdCost(int products, int inventoryItems, int collections, int discounts, boolean shop) {
        return batches(inventoryItems, INVENTORY_ITEMS_BATCH, CatalogQueries::inventoryItemsCost)
                + batches(products + inventoryItems, PRODUCTS_BY_ID_BATCH, CatalogQueries::productsByIdCost)
                + batches(collections, COLLECTIONS_BY_ID_BATCH, CatalogQueries::collectionsByIdCost)
                + (long) discounts * DISCOUNT_BY_ID_COST
                + (shop ? SHOP_COST + SHOP_POLICIES_COST : 0);
    }

    private static long batches(int ids, int batch, java.util.function.IntUnaryOperator cost) {
        long sum = 0;
        for (int from = 0; from < ids; from += batch) {
            sum += cost.applyAsInt(Math.min(batch, ids - from));
        }
        return sum;
    }

    private static GraphqlQuery discountItemsQuery(String name, String itemsType, String connection) {
        return new GraphqlQuery(name, """
                query %1$s($id: ID!, $first: Int!, $after: String) {
                  discountNode(id: $id) {
                    id
                    discount {
                      ... on DiscountCodeBasic { customerGets { items { ... on %2$s { %3$s } } } }
                      ... on DiscountCodeBxgy { customerGets { items { ... on %2$s { %3$s } } } }
                    }
                  }
                }
                """.formatted(name, itemsType, connection));
    }
}
