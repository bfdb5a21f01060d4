/**
 * What every webhook endpoint shares, whichever platform sends it.
 *
 * <p><b>Purpose.</b> Platforms deliver webhooks at least once and retry what they believe failed;
 * a receipt must verify the exact bytes that were signed and must never do twice what one delivery
 * asked for.
 *
 * <p><b>Rules.</b>
 * <ul>
 * <li>{@link dev.salesbot.sync.webhooks.boundary.RawBodies} reads a body as raw bytes with a cap
 * ({@code WEBHOOK_MAX_BYTES}): a declared length above it is refused (413) without reading a byte,
 * a stream that runs past it after reading one byte more. Signatures are checked on these bytes
 * before anything parses them.</li>
 * <li>{@link dev.salesbot.sync.webhooks.control.Deliveries} remembers each accepted delivery by its
 * platform-qualified id ({@code shopify:<X-Shopify-Webhook-Id>}) as the primary key of a
 * {@code WEBHOOK_DELIVERY} row, written in the transaction that records the delivery's work: a
 * repeat, even one arriving at the same instant, finds the row (or loses the insert) and does
 * nothing. Rows are kept 7 days, longer than any platform retries, and purged hourly by
 * {@link dev.salesbot.sync.webhooks.control.DeliveryPurge}.</li>
 * <li>Only ids, the platform, the source (a validated shop or Page id), the topic and the time are
 * stored: never a body.</li>
 * <li>Intake by group commit ({@link dev.salesbot.sync.webhooks.control.Intake} on
 * {@link dev.salesbot.sync.webhooks.control.GroupCommit}): verified deliveries that arrive together
 * are recorded together — one committer thread per platform takes every waiting delivery (up to
 * {@code WEBHOOK_BATCH_MAX}: those that came while the previous batch committed, after waiting
 * {@code WEBHOOK_BATCH_LINGER_MILLIS} for companions, none by default) and records them in one
 * transaction. Each request is answered only
 * after its batch committed and is durable (on H2, which writes commits to its file later, after
 * a {@code CHECKPOINT}: {@link dev.salesbot.sync.webhooks.control.Durability}; a batch that could not
 * be made durable is answered 503): 200 with its receipt. A batch that fails is recorded again one
 * delivery at a time; a delivery that still fails, one not recorded within
 * {@code WEBHOOK_ANSWER_WITHIN_MILLIS}, and any arriving while {@code WEBHOOK_INTAKE_CAPACITY}
 * deliveries wait are answered 503 with {@code Retry-After} at once (problem
 * {@code webhook-intake-busy}), so the platform delivers them again. Nothing acknowledged is lost,
 * nothing lost is acknowledged; a delivery recorded after its 503 is a duplicate when it comes
 * again. Never an unbounded queue. {@link dev.salesbot.sync.webhooks.control.IntakeStats} gives the
 * dashboard each intake's depth, batches and refusals.</li>
 * <li>{@link dev.salesbot.sync.webhooks.control.TestDelivery} is the connect answers'
 * {@code webhook_test} for both platforms: a delivery signed by the platform's scheme, sent to this
 * server's own address over HTTP/1.1, must come back recognised as a test (it starts no sync).</li>
 * </ul>
 *
 * <p><b>Out of scope.</b> Each platform's signature scheme, topics and what a delivery means: those
 * live with the platform ({@code shopify.webhooks.ShopifyWebhookReceipts}).
 */
package dev.salesbot.sync.webhooks;
