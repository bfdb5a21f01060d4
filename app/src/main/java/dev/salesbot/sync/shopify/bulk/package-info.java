/**
 * Large catalogs through bulk operations (https://shopify.dev/docs/api/usage/bulk-operations/queries):
 * a full sync of a store above {@code BULK_THRESHOLD_PRODUCTS} (250, read with one
 * {@code productsCount} query) costs tens of points instead of hundreds of thousands.
 *
 * <p><b>Rules.</b>
 * <ul>
 *   <li>Five queries ({@link dev.salesbot.sync.shopify.bulk.BulkPart}), started at once (2026-10 runs
 *   up to five per shop), each within Shopify's restrictions: at most five connections counted as
 *   written (a connection under four type conditions counts four times, which is why the discounts'
 *   items have queries of their own), at most two levels, no top-level {@code node}/{@code nodes},
 *   no variables; the paged queries' fields, so the same scopes ({@code BulkCatalogFetchTest}
 *   checks each against the sandbox's rules and the real schema).</li>
 *   <li>An operation Shopify accepted is in {@code SHOPIFY_BULK_OPERATION}
 *   ({@link dev.salesbot.sync.shopify.bulk.BulkOperationRows}, its own transaction) before the sync
 *   waits for it; a later attempt, after a restart or on another server, resumes the recorded
 *   operations and starts none. A part run again keeps its earlier row, so its runs are counted
 *   across attempts. The rows are deleted once the snapshot is written.</li>
 *   <li><b>Waiting holds no worker.</b> The attempt that started operations waits for them in its
 *   worker slot at most {@code BULK_WAIT_SECONDS} (default 5 s: a store just above the threshold is
 *   done by then): the {@code bulk_operations/finish} webhook (recorded on the row by whichever server
 *   receives it; read every second) or {@code bulkOperation(id:)} polled at 1 s doubling. An attempt
 *   that resumes them asks each unfinished one once. If some still run, the sync is parked
 *   ({@code queue.control.SyncParked}: pending, no attempt counted, no slot or lease held; the
 *   message says it waits for Shopify's bulk operations), due again after as long as its operations
 *   have run so far — 1 s doubling to 30 s across attempts, measured from the latest start on
 *   record — or at once when the finish webhook of every operation on record has come
 *   ({@code shopify.webhooks.BulkOperationsFinishHandler}; this server's worker is woken, others find
 *   it at their next tick). Any server resumes it.</li>
 *   <li>The JSONL is downloaded by {@link dev.salesbot.sync.shopify.bulk.HttpBulkDownloads}: a plain
 *   client, no token or app header (the address is a signed storage URL), only from the addresses of
 *   {@code BULK_RESULT_ADDRESSES} ({@link dev.salesbot.sync.shopify.bulk.BulkResults}: Shopify's
 *   bucket by default), no redirect followed, at most {@code BULK_RESULT_MAX_BYTES} and
 *   {@code BULK_RESULT_MAX_LINE_BYTES} a line, streamed — otherwise that part is paged;
 *   {@link dev.salesbot.sync.shopify.bulk.BulkAssembly} copies it to a temporary file while checking
 *   and indexing every line, joins children to parents by {@code __parentId} (a parent comes
 *   earlier, not necessarily just before) and writes node by node into the sync's
 *   {@code CatalogSpool} exactly the stored shape of paging: same bytes, same digest.</li>
 *   <li>{@code ACCESS_DENIED} on {@code bulkOperationRunQuery} itself (it needs no access scope):
 *   the app's bulk queries are not enabled in the Partner Dashboard
 *   ({@link dev.salesbot.sync.shopify.bulk.BulkQueriesRefused}); the whole sync pages instead, the
 *   operators get a notice, bulk is tried again after {@code BULK_RETRY_MINUTES}.
 *   {@code ACCESS_DENIED} as an operation's {@code errorCode} (the query reads what the grant does
 *   not cover): the sync ends as any denial does. {@code FAILED} (its partial data is
 *   never read), {@code CANCELED}, {@code EXPIRED}, an address answering 403/404/410 (the operation
 *   is read again for a fresh one, once), or a file whose line count is not {@code objectCount}:
 *   one new operation for that part, then that part is paged. {@code LIMIT_REACHED}: postponed 30 s.
 *   The result's message and {@code snapshot.fetched} say how the catalog was read.</li>
 * </ul>
 *
 * <p><b>Decisions.</b> Costs: five mutations (10 each), {@code productsCount} (1), status polls
 * (1 each), the shop (2). Nothing of the catalog is held: a file's index is about 40 bytes a line
 * (plus each root's id), and a node is read back from the file when it is written;
 * {@code bench/bulk.sh} measures the heap. A parked sync's recheck grows with the time its
 * operations have run, so that a long run (a large catalog takes minutes) costs a status poll per
 * operation every 30 s at most, while a short one is seen within about its own length;
 * {@code bench/parked.sh} measures a small store's webhooks while five large stores are parked.
 */
package dev.salesbot.sync.shopify.bulk;
