/**
 * Simulated Facebook: the Login dialog and the slice of the Graph API the product uses, for tests
 * and for running locally with no Meta account.
 *
 * <h2>Purpose</h2>
 * The product reaches it only through {@code FACEBOOK_DIALOG_BASE_URL}
 * ({@code .../sandbox/facebook/www}) and {@code FACEBOOK_GRAPH_BASE_URL}
 * ({@code .../sandbox/facebook/graph}); any {@code v<major>.<minor>} version is accepted in paths.
 * It serves the dialog ({@code /{v}/dialog/oauth}, posting to {@code /{v}/dialog/oauth/confirm}),
 * the token endpoints ({@code /{v}/oauth/access_token} for a code and for
 * {@code grant_type=fb_exchange_token}), {@code /me}, {@code /me/accounts}, {@code /me/permissions},
 * {@code /{page-id}}, {@code /{page-id}/subscribed_apps} and {@code /{app-id}/subscriptions}
 * (with app tokens from {@code grant_type=client_credentials}), a Page settings page
 * ({@code /sandbox/facebook/www/pages}), plus test controls under {@code /sandbox/facebook/_control}.
 * {@link dev.salesbot.sandbox.facebook.FacebookDeliveries} sends what Meta sends the app:
 * verification requests, signed Page notifications (retried, optionally duplicated) and the
 * Deauthorize and Data Deletion callbacks with a signed {@code signed_request}.
 *
 * <h2>Rules</h2>
 * <ul>
 * <li>As strict as Facebook where the product could get it wrong: codes are single use, expire in
 * ten minutes and must be redeemed with the dialog's exact redirect_uri; the app secret is checked;
 * Page tokens only reach their own Page; subscriptions need a Page token and
 * {@code pages_manage_metadata}; unknown fields, webhook fields and cursors, and {@code limit > 100},
 * are errors rather than silently ignored.</li>
 * <li>Errors have Graph's shape ({@code {"error":{"message","type","code","error_subcode",
 * "is_transient","fbtrace_id"}}}) and status: 190 (subcode 463 when expired) for tokens, 4 and 17
 * as 403, 32 and 613 as 400, 100/36007–36009 for codes, 200 as 403 for a missing permission.</li>
 * <li>Every Graph answer, errors included, carries {@code X-App-Usage} and
 * {@code X-Business-Use-Case-Usage} (percentages of {@code SANDBOX_FACEBOOK_CALLS_PER_HOUR}); past
 * the budget calls fail with code 4 (app) or 32 (Page).</li>
 * <li>{@code appsecret_proof} is checked on every call with a user or Page token: a wrong one is
 * refused, a missing one is counted and refused when "Require App Secret" is on
 * ({@code SANDBOX_FACEBOOK_REQUIRE_APPSECRET_PROOF}, {@code PUT _control/app}).</li>
 * <li>With v27's rules for new apps switched on ({@code SANDBOX_FACEBOOK_GRAPH_V27},
 * {@code PUT _control/app {"v27": true}}), field aliases ({@code .as(}) and multi-id requests
 * ({@code ids}) are refused on every version, as Meta does since 2026-11-04 ({@link
 * dev.salesbot.sandbox.facebook.GraphCalls}); off, an alias is read as its field.</li>
 * <li>Tokens are never logged. {@code paging.next} carries the caller's token, as Graph's does: the
 * product must not log or store those links.</li>
 * <li>Resources only translate HTTP; the rules live in plain classes ({@link
 * dev.salesbot.sandbox.facebook.FacebookWorld} and what it holds) that unit tests drive with a
 * hand-moved clock.</li>
 * </ul>
 *
 * <h2>Decisions</h2>
 * <ul>
 * <li>One flat package, like cargotracker's pathfinder: the sandbox is small, its classes share
 * package-private state, and boundary/control sub-packages would only add public surface.</li>
 * <li>The code exchange answers {@code expires_in} 5183944 (what Meta returns for server-side
 * codes); the fb_exchange_token answer is a new 60-day token. Page tokens never expire on their
 * own; {@code POST _control/pages/{id}/expire-token} expires the ones issued so far.</li>
 * <li>Planned rate-limit faults and the hourly budget apply to Graph data calls, not to
 * {@code oauth/access_token}, so a test can fail a connect's Page reads without failing its login.
 * Forcing the usage level changes the headers only.</li>
 * <li>The consent form posted without any {@code page} field or {@code page_choice} marker grants
 * every Page, so a plain HTTP client need not know the ids; the HTML form always sends the marker,
 * so unticked Pages are not granted.</li>
 * <li>Re-seeding the user ({@code PUT _control/user}) forgets codes, tokens, subscriptions, usage,
 * faults and counts: they referred to the old Pages.</li>
 * <li>The Business Use Case header lists the Pages called in the current hour (and the Page of
 * the current call), not every Page the user has.</li>
 * </ul>
 *
 * <h2>Out of scope</h2>
 * Notification batching (one entry per change), Messenger events, the implicit
 * ({@code response_type=token}) flow, {@code return_scopes}, an allow-list of redirect URIs,
 * client tokens, debug_token, batch requests, field expansion beyond picking top-level
 * names, and writing to Pages.
 */
package dev.salesbot.sandbox.facebook;
