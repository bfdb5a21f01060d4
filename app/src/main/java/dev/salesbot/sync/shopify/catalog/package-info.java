/**
 * A shop's catalog through the Admin GraphQL API: the full document for a connect or a poll, nodes
 * by id for a partial sync, the patch that puts them in, and the bot's digest.
 *
 * <p><b>Rules.</b>
 * <ul>
 *   <li>The stored document is {@code {"data": {"shop", "products", "codeDiscountNodes",
 *   "collections"}}} as if one query had returned every edge: every connection, nested ones
 *   included, is paged to its end and merged ({@link dev.salesbot.sync.shopify.catalog.EdgePager}),
 *   stored as {@code {"edges": [{"node": …}], "pageInfo": {"hasNextPage": false}}}, so that a
 *   document patched with nodes read by id ({@link dev.salesbot.sync.shopify.catalog.SnapshotPatch})
 *   or assembled from bulk operations is byte for byte the one a full paged fetch writes.</li>
 *   <li>Every query needs only the default {@code SHOPIFY_SCOPES}. The store's legal policies need
 *   {@code read_legal_policies}, which the defaults do not ask for: they are read only when that
 *   scope is granted, in a query of their own, and a denial of it leaves the snapshot whole.</li>
 *   <li>No query selects a deprecated field or argument, and none asks for more than Shopify's
 *   1,000-point single-query maximum; {@code CatalogQueriesTest} checks each against the real
 *   schema and the sandbox's cost model ({@link dev.salesbot.sync.shopify.catalog.CatalogQueries}
 *   lists the page sizes and costs). Discounts come from {@code discountNodes} filtered with
 *   {@code method:code}, aliased {@code codeDiscountNodes} to keep the tutorial's key.</li>
 * </ul>
 *
 * <p><b>Decisions.</b> First pages are sized for the common case (most products have under 25
 * variants, most discounts one code); what does not fit is followed per node with 250-item pages,
 * Shopify's largest. The whole document is held until it is stored (its hash decides the upload,
 * and the connect answer carries it); each kept edge is copied into the compact JSON of
 * {@code json} as it arrives, so 10,000 products (about 60,000 variants, a 31 MB snapshot) hold
 * about 100 MB of heap instead of about 270 MB ({@code bench/README.md}). The digest
 * ({@link dev.salesbot.sync.shopify.catalog.BotDigest}) lists only ACTIVE products; codes of ACTIVE,
 * in-date code discounts whose items cover the product (all items, the product, a variant, or a
 * collection holding it), free shipping everywhere, app discounts nowhere (their scope is not in
 * the data); at most five codes per discount.
 */
package dev.salesbot.sync.shopify.catalog;
