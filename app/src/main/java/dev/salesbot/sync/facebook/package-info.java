/**
 * Facebook Pages: a merchant who connected a store in this browser connects their Pages, and each
 * Page's data is kept in {@code users/<uuid>/facebook_messenger/<page_id>/page_data.json} beside
 * the store's snapshot, fresh through Page webhooks and the daily poll.
 *
 * <p><b>Sub-packages</b>, each importing only the ones listed after it:
 * <ul>
 *   <li>{@code boundary}: the connect, webhook and Meta callback endpoints and their answers;</li>
 *   <li>{@code connect}: Facebook Login's two steps, the Pages recorded and subscribed, and what
 *   the consoles do to a Page ({@code FacebookPlatform});</li>
 *   <li>{@code callbacks}: Meta's Deauthorize and Data Deletion callbacks ({@code signed_request});</li>
 *   <li>{@code webhooks}: the app's subscription, receipt and recording of Page notifications;</li>
 *   <li>{@code sync}: the Page's sync handlers (read, changes, deletion) and data-deletion requests;</li>
 *   <li>{@code graph}: the Graph API client, its pacing and errors, the app's settings, Page ids and
 *   tokens;</li>
 *   <li>{@code entity}: the data-deletion request row.</li>
 * </ul>
 *
 * <p><b>Rules everywhere.</b> A user or Page token, or the app secret, is never logged, returned or
 * stored in plain text; tokens travel in the {@code Authorization} header, and the token endpoint
 * is called with POST and a form body, so neither the secret nor a code or token is ever in a URL.
 * Tokens in memory are {@code AccessToken}s, which print as {@code ****}. Every Page id from Graph
 * or Meta is checked as digits only ({@code PageIds}) before it reaches a row, a key, a URL or a log
 * line. {@code appsecret_proof} (HMAC-SHA256 of the token keyed with the app secret) goes with every
 * call made with a user or Page token.
 *
 * <p><b>Decisions.</b> A Page belongs to one merchant: the one whose session connected it last
 * (the Page id is the sync target, so it names one connection; the previous merchant's old
 * snapshot is left as is).
 *
 * <p><b>Out of scope.</b> The daily poll's schedule, moving a Page's old snapshot when it changes
 * merchant, and Messenger events themselves (the bot's).
 */
package dev.salesbot.sync.facebook;
