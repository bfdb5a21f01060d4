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
 *   document patched with nodes read by id ({@link dev.salesbot.sync.shopify.catalog.StreamedPatch},
 *   streaming the stored document edge by edge; {@link dev.salesbot.sync.shopify.catalog.SnapshotPatch}
 *   in memory for a stored list out of id order) or assembled from bulk operations is byte for byte
 *   the one a full paged fetch writes.</li>
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
 * Shopify's largest. A full fetch never holds the catalog: each node goes, canonical, to a part
 * file of a {@link dev.salesbot.sync.shopify.catalog.CatalogSpool} as its page arrives, the parts are
 * joined into the document on disk (hashed on the way), and the digest is built from it in two
 * streamed reads ({@link dev.salesbot.sync.shopify.catalog.CatalogReader}, {@code BotDigest.spool}):
 * the bytes are those of the document built in memory ({@code CatalogSpoolTest}). The digest
 * ({@link dev.salesbot.sync.shopify.catalog.BotDigest}) lists only ACTIVE products; codes of ACTIVE,
 * in-date code discounts whose items cover the product (all items, the product, a variant, or a
 * collection holding it), free shipping everywhere, app discounts nowhere (their scope is not in
 * the data); at most five codes per discount.
 */
package dev.salesbot.sync.shopify.catalog;
