/**
 * A Page's sync handlers, run by the durable queue: {@link dev.salesbot.sync.facebook.sync.PageSyncHandler}
 * ({@code FACEBOOK_PAGE}: connect, poll, "sync now"), {@link dev.salesbot.sync.facebook.sync.PageChangesHandler}
 * ({@code FACEBOOK_PAGE_CHANGES}: webhooks) and {@link dev.salesbot.sync.facebook.sync.PageDeletionHandler}
 * ({@code FACEBOOK_PAGE_DELETE}: data-deletion requests and deletions from the consoles).
 *
 * <p><b>Rules.</b> {@code page_data.json} is {@code {"data":[<Page node>]}} (the seed's shape),
 * holding only the {@code FACEBOOK_PAGE_FIELDS} as Graph returns them, never a token, and is
 * written only when its canonical bytes change. Failures are classified by {@code PageSyncHandler}:
 * code 190 (token expired or revoked), 10 and 200–299 (a permission missing) mark the Page
 * {@code NEEDS_RECONNECT} and end the sync at once, and the Page is not synced again until a
 * connect gives it a new token; rate limits (retried no sooner than the minutes Graph announces),
 * codes 1/2, 5xx, Graph unreachable, storage trouble and a stored token no configured key opens
 * (the operator's key: "stored token unreadable: check TOKEN_ENCRYPTION_KEY") are retried later;
 * any other Graph error ends the sync with Graph's message. A deletion deletes every
 * {@code page_data.json} ever written for the Page, under each merchant that held it (the keys
 * {@code storage.control.TargetObjects} recorded, and the current owner's), then the row, and
 * counts the Page on each data-deletion request naming it
 * ({@link dev.salesbot.sync.facebook.sync.DataDeletions}).
 */
package dev.salesbot.sync.facebook.sync;
