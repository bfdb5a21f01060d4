/**
 * The merchant's own pages: "My connections" ({@code /connections}) for the browser session's
 * merchant, the status JSON the result pages follow ({@code /connections/status}), and the two
 * things a merchant may do to a connection — disconnect it (its tokens and subscriptions deleted,
 * the bot's copy kept) and delete the bot's copy (after a confirmation page; through the durable
 * queue, as a store's redaction or a Page's data deletion).
 *
 * <p><b>Rules.</b> Only the session's merchant is ever shown or acted on: an id that is not theirs
 * is "not found". Every form is a POST carrying the session's CSRF token (compared in constant
 * time); nothing changes without it. The states are words a shop owner reads (up to date,
 * updating, not updated, needs reconnect, disconnected), never internal error classes.
 *
 * <p><b>Decisions.</b> The actions are the admin console's too
 * ({@link dev.salesbot.sync.merchants.control.ConnectionActions}), so a merchant's disconnect is
 * exactly an operator's. The start page's view ({@code StartView}) and the connection boxes the
 * connect result pages show live here, the merchant's view of their connections. The start page's
 * address, {@code /}, is the Shopify app's App URL: {@code shopify.boundary.AppUrlResource} serves
 * it, since it first recognises Shopify's signed launch from the admin. A running sync's progress ({@link dev.salesbot.sync.queue.control.SyncProgresses})
 * lives in the database, so a page served by one server follows a sync another server runs. The
 * result pages update themselves with one small served script ({@code /assets/live-status.js}):
 * no reload, at most 160 reads 1.5 s apart, stopping when nothing is updating or pending. The
 * checks that wait for the first sync follow it from the same status answer
 * ({@link dev.salesbot.sync.account.control.ConnectionChecks}): pending only while their connection
 * is updating, so a page never says "Up to date" beside a pending check. The pages are complete
 * without the script, as the server rendered them; the script only brings them up to date.
 *
 * <p><b>Out of scope.</b> A login of our own: the session is the merchant's from the moment their store
 * connects in this browser, or they open the app from the Shopify admin (a launch Shopify signs for
 * the store, {@code shopify.connect.ShopifyLaunches}), for 30 minutes without use and 12 hours at most.
 */
package dev.salesbot.sync.account;
