/**
 * Connecting a merchant's Pages (flow 3 of the architecture).
 *
 * <p><b>Rules.</b>
 * <ul>
 *   <li>{@code GET /facebook/login} sends the browser to the Login dialog
 *   ({@code FACEBOOK_DIALOG_BASE_URL/<FACEBOOK_GRAPH_API_VERSION>/dialog/oauth}, scopes
 *   {@code FACEBOOK_SCOPES}). No merchant in the session: a 409 {@code no-merchant-session}; the
 *   Pages always join the session's merchant, so the UUID is the store's.</li>
 *   <li>The callback's state (signed, expiring, session-bound, single use, subject = the merchant)
 *   is checked before the code is exchanged: a forged, replayed or foreign state costs no Graph
 *   call. {@code error=access_denied} and partial grants are 403 problems that name what is
 *   missing; nothing is stored.</li>
 *   <li>The code becomes a long-lived user token; {@code /me/accounts} is listed to its end by its
 *   {@code after} cursor ({@code paging.next} links carry the token and are never followed,
 *   {@link dev.salesbot.sync.facebook.connect.ManagedPages}); a Page with an id that is not digits
 *   is refused and reported, the others go on.</li>
 *   <li>Every Page is recorded with its token sealed ({@code facebook:page:<id>}) and its sync
 *   request in one transaction ({@link dev.salesbot.sync.facebook.connect.PageRegistrations}), the
 *   session id changes, the app's subscription is made to match and each Page is subscribed
 *   ({@code subscribed_apps}, read first: a Page already subscribed to exactly those fields is left
 *   alone); then the answer waits once, at most 20 s however many Pages, and answers as seed 003
 *   does: {@code user_uuid}, {@code pages}, {@code polling_test}, {@code upload_status}, plus
 *   {@code refused_pages}, {@code webhook_subscriptions} and {@code page_connections}.</li>
 * </ul>
 *
 * <p><b>Decisions.</b> The long-lived user token is used during the callback and not stored: Page
 * tokens obtained with it do not expire on their own, and an unstored token cannot leak;
 * re-listing Pages needs a new Login, which is also what a revoked Page needs. Every permission in
 * {@code FACEBOOK_SCOPES} is required ({@link dev.salesbot.sync.facebook.connect.Permissions}): a
 * partial grant is refused by name rather than half-connected. A connect also re-syncs the
 * merchant's other active Pages, so the answer is true for all of them. {@code polling_test} is
 * "success" exactly when the Graph read of the sync succeeded.
 * {@link dev.salesbot.sync.facebook.connect.FacebookPlatform} is the Pages' side of the connection
 * operations both consoles use.
 */
package dev.salesbot.sync.facebook.connect;
