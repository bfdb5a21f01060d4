/**
 * The store's sync handlers, run by the durable queue: {@link dev.salesbot.sync.shopify.sync.StoreSyncHandler}
 * ({@code SHOPIFY_FULL}: connect, poll, "sync now"), {@link dev.salesbot.sync.shopify.sync.StoreChangesHandler}
 * ({@code SHOPIFY_CHANGES}: webhooks) and {@link dev.salesbot.sync.shopify.sync.StoreRedactionHandler}
 * ({@code SHOPIFY_REDACT}: {@code shop/redact} and deletions from the consoles).
 *
 * <p><b>Rules.</b>
 * <ul>
 *   <li>A full sync first brings the webhook subscriptions to what is wanted (a subscription
 *   Shopify refuses is recorded on the connection and does not stop the snapshot), then reads the
 *   whole catalog, by paging or, above {@code BULK_THRESHOLD_PRODUCTS}, through bulk operations,
 *   into a {@code CatalogSpool} on disk: the catalog is never held whole.</li>
 *   <li>A partial sync reads the coalesced {@code ChangeSet} by id as it is now (so delivery order
 *   does not matter) and patches it into the stored document, downloaded to a spool file and
 *   streamed through a {@code StreamedPatch}; the result equals what a full fetch would write. With
 *   no stored snapshot the store is synced in full instead. So is a store read in bulk when the
 *   change set's by-id cost ({@code CatalogQueries.byIdCost}, requested points over the batches it
 *   would send) exceeds a full sync through bulk operations
 *   ({@link dev.salesbot.sync.shopify.sync.BulkSyncCost}) and reading it by id would take longer
 *   than a bulk run of the store, and a store whose bulk operations are on record (a parked full sync, perhaps
 *   begun by earlier changes, goes on); the log says why.</li>
 *   <li>Both objects are written by {@link dev.salesbot.sync.shopify.sync.StoreSnapshots} as a pair,
 *   from their spool files (the digest built from the document in two streamed reads), each only
 *   when its canonical bytes changed, under the keys of the store's own merchant, read
 *   from its connection. A store that is not ACTIVE is not synced; a new connect makes it ACTIVE.</li>
 *   <li>A redaction ({@code shop/redact}, the consoles' deletions) deletes every object ever
 *   written for the store ({@code storage.control.TargetObjects}) and its current merchant's
 *   two keys, then the connection row; with the row already gone it still deletes what is left
 *   recorded. {@code app/uninstalled} deletes no object.</li>
 * </ul>
 *
 * <p><b>Failures</b> are classified in one place, {@link dev.salesbot.sync.shopify.sync.ShopifyFailures}:
 * <table>
 *   <caption>what ends a sync, and what is retried</caption>
 *   <tr><th>failure</th><th>class</th><th>what happens</th></tr>
 *   <tr><td>401/403 from the Admin API</td><td>needs the merchant</td><td>store marked NEEDS_RECONNECT, sync ends</td></tr>
 *   <tr><td>{@code ACCESS_DENIED} (a scope or permission missing)</td><td>needs the merchant</td><td>marked, ends; the reason names Shopify's required access</td></tr>
 *   <tr><td>402 frozen, 404 gone, 423 locked</td><td>needs the merchant</td><td>marked, ends</td></tr>
 *   <tr><td>no or an expired refresh token, a refused refresh</td><td>needs the merchant</td><td>marked, ends</td></tr>
 *   <tr><td>any other GraphQL error</td><td>a defect</td><td>ends with Shopify's message; store left active</td></tr>
 *   <tr><td>THROTTLED or 429 past the pacer's retries</td><td>retry later</td><td>pending, no sooner than Retry-After</td></tr>
 *   <tr><td>5xx, unreachable, token endpoint down, storage unavailable</td><td>retry later</td><td>pending, backoff</td></tr>
 *   <tr><td>a stored token no configured key opens</td><td>the operator's</td><td>pending ("stored token unreadable: check
 *   TOKEN_ENCRYPTION_KEY"), store left active; resumes once the right key is configured</td></tr>
 * </table>
 */
package dev.salesbot.sync.shopify.sync;
