/**
 * Meta's callbacks about a user, each a {@code signed_request} that
 * {@link dev.salesbot.sync.facebook.callbacks.SignedRequests} checks before anything changes
 * (signature over the payload part, constant time, before parsing; {@code HMAC-SHA256} only;
 * digits-only {@code user_id}).
 *
 * <p><b>Rules.</b> {@link dev.salesbot.sync.facebook.callbacks.MetaCallbacks}: Deauthorize deletes
 * the tokens of the user's Pages at once (they need a reconnect) and ends their pending syncs; the
 * snapshots stay until a data-deletion request. A Data Deletion request records one durable
 * {@code FACEBOOK_PAGE_DELETE} per Page of the user and a confirmation code
 * ({@code sync.DataDeletions}). The user's app-scoped id is stored with each Page it connected
 * (from {@code /me}), because Meta's callbacks name the user, never the Page.
 *
 * <p><b>Out of scope.</b> A {@code signed_request}'s age: a replayed Deauthorize changes nothing
 * more, a replayed Data Deletion request gets a new code for the same, already deleted, data.
 */
package dev.salesbot.sync.facebook.callbacks;
