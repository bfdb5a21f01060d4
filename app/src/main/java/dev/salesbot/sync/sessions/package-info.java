/**
 * Browser sessions that every server shares: whom a browser acts for (the merchant a store connect
 * made it, the admin who logged in), its CSRF token, a one-time message for its next page, and the
 * nonces of the OAuth states it was given.
 *
 * <p><b>Rules.</b>
 * <ul>
 * <li>A session is a row in the database ({@code BROWSER_SESSION}), found by the SHA-256 of its
 * cookie's value (32 random bytes): any server answers any request, with no affinity, and a copy
 * of the table opens no browser's session. The product makes no servlet {@code HttpSession}.</li>
 * <li>It is made only when something must be kept (a connect starts, a form is shown), and ends
 * 30 minutes after its last request or 12 hours after it was made, by the database's clock, or at
 * logout; ended rows are purged a few hundred a minute.</li>
 * <li>The id and the CSRF token change as soon as the merchant or the admin is known
 * ({@link dev.salesbot.sync.sessions.boundary.BrowserSession#rotate}); the states given before are
 * dropped with the old id they were bound to.</li>
 * <li>A state's nonce is used once, on whichever server the callback reaches: consuming it is a
 * {@code DELETE} only one request can win. A session keeps its 16 newest.</li>
 * <li>The cookie is {@code HttpOnly}, {@code SameSite=Lax} (the OAuth return is a cross-site
 * top-level navigation that must carry it), and {@code __Host-} prefixed with {@code Secure} when
 * the app is served over HTTPS.</li>
 * <li>If the database cannot be read, a request that needs its session is answered 503
 * ({@code sessions-unavailable}) and nothing is done.</li>
 * </ul>
 *
 * <p><b>Decisions.</b> The database, not the servers' own session replication (Payara's data grid,
 * WildFly's distributable sessions): the servers already share it, it works the same on every
 * runtime with no cluster to configure or secure, and a session holds a few short values. The
 * price is one indexed read per request that uses a session (and a write at most once a minute).
 */
package dev.salesbot.sync.sessions;
