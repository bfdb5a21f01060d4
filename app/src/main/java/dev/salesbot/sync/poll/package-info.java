/**
 * The daily poll: the safety net under the webhooks (a lost subscription, an unreachable address,
 * a missed delete).
 *
 * <p><b>Rules.</b>
 * <ul>
 * <li>{@link dev.salesbot.sync.poll.control.PollClock}, a non-persistent EJB timer every 30 s on
 * every server, only delegates to {@link dev.salesbot.sync.poll.control.Polls}.</li>
 * <li>Every active connection (a store, a Page) has a {@code POLL_SLOT} row naming when it is polled
 * next. New connections get a slot at a stable offset within {@code POLL_INTERVAL_HOURS} (default
 * 24); after each poll the next one is an interval later less a jitter of one minute to a tenth of
 * the interval ({@link dev.salesbot.sync.poll.control.PollSpread}): polls are spread, never all at
 * one instant, and each connection is polled at least once per interval.
 * {@code POLL_INTERVAL_HOURS=0} turns the scheduled polls off (logged as a warning); poll now
 * still polls.</li>
 * <li>A due slot is taken by a conditional update of its round, and the poll's sync request
 * ({@code SHOPIFY_FULL} or {@code FACEBOOK_PAGE}, payload {@code poll}) is recorded in the same
 * transaction: of several servers sharing the database exactly one takes it, and a taken slot's
 * sync is never lost.</li>
 * <li>The sync is the ordinary durable one: retried on outages, coalesced with webhook work,
 * paced per store by the throttle pacer, at most {@code SYNC_CONCURRENCY} at a time. A full read
 * finds what was deleted; the store's webhook subscriptions are checked and missing ones created
 * (as at every full sync), a Page's {@code subscribed_apps} is checked and re-created; an expiring
 * Shopify token is refreshed on use; a refused token (401, 190) marks the connection needing a
 * reconnect and ends the sync at once. Connections that are not active are not polled.</li>
 * <li>An unchanged store costs one HEAD (the snapshot's metadata carries the digest's hash too)
 * and no GET or PUT; an unchanged Page one HEAD.</li>
 * <li>Poll now ({@link dev.salesbot.sync.poll.control.PollControl}) makes every slot due and takes
 * them all at once; it is reached over JMX ({@code dev.salesbot.sync:type=Poller}), from the
 * command line with {@code java tools/PollNow.java} (local attach, as the server's OS user), and
 * by the admin console.</li>
 * </ul>
 * Log lines as in the seed: {@code Polled data for shop <shop>: Success}, {@code Polled and
 * uploaded data for <shop>: Success}, {@code Polled data for page <id>: Success}.
 */
package dev.salesbot.sync.poll;
