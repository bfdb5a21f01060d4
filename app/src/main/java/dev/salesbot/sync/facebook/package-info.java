/**
 * Facebook Pages connect: a merchant who connected a store in this browser connects their
 * Facebook Pages, and each Page's data is kept in
 * {@code users/<uuid>/facebook_messenger/<page_id>/page_data.json} beside the store's snapshot.
 *
 * <h2>Purpose</h2>
 * {@code GET /facebook/login} sends the browser to the Login dialog
 * ({@code FACEBOOK_DIALOG_BASE_URL/<FACEBOOK_GRAPH_API_VERSION>/dialog/oauth}, scopes
 * {@code FACEBOOK_SCOPES}); {@code GET /facebook/callback} checks the state, exchanges the code for
 * a long-lived user token, refuses partial grants, lists {@code /me/accounts} to its end, records
 * every Page with its token sealed and its sync request in one transaction
 * ({@link dev.salesbot.sync.facebook.connect.PageRegistrations}), changes the session id,
 * subscribes each Page ({@code subscribed_apps}, {@code FACEBOOK_WEBHOOK_FIELDS}) and waits once,
 * bounded, for the syncs of the sync engine
 * ({@link dev.salesbot.sync.facebook.sync.PageSyncHandler}, kind {@code FACEBOOK_PAGE}), then
 * answers as seed 003 does: {@code user_uuid}, {@code pages}, {@code polling_test},
 * {@code upload_status}, plus {@code refused_pages}, {@code webhook_subscriptions} and
 * {@code page_connections} (active / needs_reconnect); a readable page in a browser.
 *
 * <h2>Rules</h2>
 * <ul>
 * <li>No merchant in the session: {@code 409} problem ({@code /problems/no-merchant-session});
 * the browser's page says to connect the store first and links to {@code /}. The Pages always
 * join the session's merchant, so the UUID is the store's.</li>
 * <li>The state (signed, expiring, session-bound, single use, subject = the merchant) is checked
 * before the code is exchanged: a forged, replayed or foreign state costs no Graph call.
 * {@code error=access_denied} and partial grants are 403 problems that name what is missing;
 * nothing is stored.</li>
 * <li>A user or Page token, or the app secret, is never logged, returned or stored in plain text.
 * Tokens travel in the {@code Authorization} header; the token endpoint is called with POST and a
 * form body, so neither the app secret nor a code or token is ever in a URL. {@code paging.next} links (they carry the
 * token) are never followed: the {@code after} cursor is. Tokens in memory are
 * {@link dev.salesbot.sync.facebook.graph.AccessToken}s, which print as {@code ****}. Page tokens
 * are sealed with {@code TokenCipher} under the context {@code facebook:page:<id>}.</li>
 * <li>Every Page id from Graph is checked as digits only
 * ({@link dev.salesbot.sync.facebook.graph.PageIds}) before it reaches a row, a key, a URL or a
 * log line; a Page with another id is refused and reported, the others go on.</li>
 * <li>Every Graph answer's {@code X-App-Usage} and {@code X-Business-Use-Case-Usage} are read;
 * above 80 % calls are spaced (up to 2 s each); codes 4/17/32/613 are retried after 1, 2, 4 s
 * and then given up, unless Graph announces minutes before access returns
 * ({@link dev.salesbot.sync.facebook.graph.Pacing}). A sync that gives up is retried by the
 * engine; a connect that gives up answers 503.</li>
 * <li>Failures of a Page sync are classified by {@link dev.salesbot.sync.facebook.sync.PageSyncHandler}:
 * code 190 (token expired or revoked), 10 and 200–299 (a permission missing), or a stored token that
 * no longer decrypts mark the connection {@code NEEDS_RECONNECT} and end the sync at once; such a
 * Page is not synced again until a connect gives it a new token (which sets it active). Rate limits
 * (retried no sooner than the minutes Graph announces), codes 1/2, 5xx, Graph unreachable and
 * storage trouble are retried later. Any other Graph error ends the sync with Graph's message.</li>
 * </ul>
 *
 * <h2>Decisions</h2>
 * <ul>
 * <li>A Page belongs to one merchant: the one whose session connected it last. The Page id is the
 * sync target, so it must name one connection; the previous merchant's old snapshot is left as is.</li>
 * <li>The long-lived user token is used during the callback and not stored: Page tokens obtained
 * with it do not expire on their own, and an unstored token cannot leak. Re-listing Pages needs a
 * new Login, which is also what a revoked Page needs.</li>
 * <li>Every permission in {@code FACEBOOK_SCOPES} is required: the bot cannot list Pages without
 * {@code pages_show_list}, read them without {@code pages_read_engagement}, subscribe without
 * {@code pages_manage_metadata} or answer without {@code pages_messaging}. A partial grant is
 * refused by name rather than half-connected.</li>
 * <li>A connect also re-syncs the merchant's other active Pages (not in this grant), so the
 * answer is true for all of them: a Page unticked in the dialog or with an expired token shows
 * as needing a reconnect now, not at the next poll.</li>
 * <li>{@code page_data.json} is {@code {"data":[<Page node>]}} (the seed's shape), holding only the
 * {@code FACEBOOK_PAGE_FIELDS} as Graph returns them — never a token — and is written only when
 * its canonical bytes change. {@code polling_test} is "success" exactly when the Graph read of the
 * sync succeeded.</li>
 * <li>The answer waits once for all syncs together, at most 20 s however many Pages; what is not
 * done by then shows as pending and finishes on its own.</li>
 * </ul>
 *
 * <h2>Webhooks and Meta's callbacks</h2>
 * <ul>
 * <li>At each connect {@link dev.salesbot.sync.facebook.webhooks.AppWebhookSubscription} reads the
 * app subscription for {@code page} with an app token (client credentials, in memory only) and sets
 * it only when it does not match ({@code callback_url = FACEBOOK_WEBHOOK_ADDRESS},
 * {@code verify_token = FACEBOOK_VERIFY_TOKEN}, the webhook fields); each Page's
 * {@code subscribed_apps} is read first too. {@code webhook_test} comes from
 * {@link dev.salesbot.sync.facebook.webhooks.FacebookWebhookCheck}.</li>
 * <li>{@code GET /facebook/webhook} answers Meta's verification request (constant-time token
 * check, exactly the challenge, 403 otherwise). {@code POST /facebook/webhook}: raw bytes capped,
 * {@code X-Hub-Signature-256} checked on them before parsing
 * ({@link dev.salesbot.sync.facebook.webhooks.FacebookWebhookReceipts}), every entry's id digits
 * only; {@link dev.salesbot.sync.facebook.webhooks.FacebookWebhookRecorder} keys each entry by the
 * SHA-256 of its canonical JSON (Meta has no delivery id) and turns a Page-field change of a
 * connected Page into a coalesced {@code FACEBOOK_PAGE_CHANGES} request
 * ({@link dev.salesbot.sync.facebook.sync.PageChangesHandler}: one Graph read per quiet window).
 * Messenger events are acknowledged and ignored.</li>
 * <li>{@code appsecret_proof} (HMAC-SHA256 of the token keyed with the app secret) goes with every
 * Graph call made with a user or Page token.</li>
 * <li>{@link dev.salesbot.sync.facebook.callbacks.SignedRequests} checks Meta's {@code signed_request}
 * (signature over the payload part, constant time, before parsing; {@code HMAC-SHA256} only; digits
 * only {@code user_id}). {@link dev.salesbot.sync.facebook.callbacks.MetaCallbacks}: deauthorize
 * deletes the tokens of the user's Pages at once (they need a reconnect); a data-deletion request
 * records one durable {@code FACEBOOK_PAGE_DELETE} per Page of the user
 * ({@link dev.salesbot.sync.facebook.sync.PageDeletionHandler}: object, then row) and a
 * {@link dev.salesbot.sync.facebook.entity.FacebookDataDeletion} with its confirmation code, counts
 * and times only. The user's app-scoped id is stored with each Page it connected (from
 * {@code /me}), because Meta's callbacks name the user, never the Page.</li>
 * </ul>
 *
 * <h2>Out of scope</h2>
 * The daily poll, unsubscribing or disconnecting a Page from this side, moving a Page's old
 * snapshot when it changes merchant, and Messenger events themselves (the bot's).
 */
package dev.salesbot.sync.facebook;
