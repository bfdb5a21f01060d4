/**
 * The operators' console: a secured dashboard ({@code /admin}), the same data as JSON
 * ({@code /admin/api/connections}, {@code /admin/api/summary}) and the actions on connections.
 *
 * <p><b>Rules.</b>
 * <ul>
 * <li>Nothing is open by default: with no {@code ADMIN_USERNAME} / {@code ADMIN_PASSWORD_HASH} every
 * {@code /admin} path answers 503 naming them. The password is only ever held as a Jakarta
 * Security {@code Pbkdf2PasswordHash} value ({@code tools/HashPassword.java} prints one) and
 * checked by the container's {@code Pbkdf2PasswordHash}.</li>
 * <li>One {@code HttpAuthenticationMechanism}
 * ({@link dev.salesbot.sync.admin.boundary.AdminAuthentication}) decides every {@code /admin}
 * request before a resource runs: the form login and its session for browsers, HTTP Basic for
 * scripts on {@code /admin/api/*}; one {@code IdentityStore}
 * ({@link dev.salesbot.sync.admin.control.AdminIdentityStore}). The session id changes at login;
 * every state-changing form carries the session's CSRF token, a session API call the
 * {@code X-CSRF-Token} header, and every state-changing API call {@code Content-Type:
 * application/json}, which a cross-site form cannot send.</li>
 * <li>Failed logins, by form or Basic, are slowed down for every server at once
 * ({@link dev.salesbot.sync.admin.control.LoginThrottle}, counted in {@code LOGIN_FAILURE}), per
 * client — the connection's peer, or the address a trusted proxy forwarded
 * ({@link dev.salesbot.sync.web.boundary.ClientAddress}, {@code TRUSTED_PROXIES}); an IPv6 client is
 * its /64 — and for the account. A client's first 5 failures cost nothing, then it waits 1 s, 2 s,
 * 4 s … at most 15 minutes; once the account has 20 recent failures it is <em>under attack</em>,
 * and only clients with no recent failure are checked, one guess each. Failures are recent for an
 * hour after a client's (or the account's) last one. Waiting answers 429 with {@code Retry-After}:
 * the login form again, or {@code application/problem+json} for Basic.</li>
 * <li>An attempt is counted before its password is hashed: one short transaction locks the
 * account's row, reads the client's, and either refuses (changing nothing, costing no hash) or
 * counts the attempt as the client's failure; only then is the password checked. A success clears
 * the client; a failure is then counted against the account too. A database that cannot count an
 * attempt means 503: no password is checked uncounted. The username and password typed are never
 * stored: the account's row is the one admin's, whatever username was typed.</li>
 * <li>A servlet filter ({@link dev.salesbot.sync.admin.boundary.AdminGate}) is the second lock: no
 * admin resource runs for a request the mechanism did not let through, whatever a container does
 * after a failed authentication.</li>
 * <li>The dashboard reads the database only ({@link dev.salesbot.sync.admin.control.Dashboard}):
 * connections, {@code TARGET_STATUS}, poll slots, webhook deliveries and the queue. No token,
 * secret or signature is in any of them, so none can appear in a page or an answer.</li>
 * <li>Actions ({@link dev.salesbot.sync.merchants.control.ConnectionActions}) go through the same paths
 * as the rest of the product: a sync or a poll is a durable request; a merchant's deletion is a
 * shop redaction and a Page data deletion per connection, retried until done.</li>
 * </ul>
 *
 * <p><b>Decisions.</b> Authorisation is the mechanism's, not the container's role mapping: there is
 * one role, and Payara and WildFly map groups to roles differently (WildFly only needs
 * {@code integrated-jaspi} off, {@code wildfly-config/configure.cli}). Server-rendered HTML, no
 * framework and no JavaScript: every button is a form.
 *
 * <p><b>Decisions on failed logins.</b> Why these rules:
 * <ul>
 * <li><em>The database, not memory</em>: counts per server gave every server its own allowance, and
 * lost them at each restart.</li>
 * <li><em>Per client, not per connection</em>: behind a TLS proxy every connection comes from the
 * proxy, so six wrong guesses from anyone made everybody wait, the admin and the Prometheus scrape
 * included. {@code X-Forwarded-For} is only believed from a configured proxy, read from the right
 * (the left is the client's to forge).</li>
 * <li><em>An IPv6 client is its /64</em>: one subscriber gets a /64 or more, so per address it
 * would have 2^64 fresh allowances.</li>
 * <li><em>Per account too, but never as a lock</em>: a client limit alone lets many addresses guess
 * without end; an account lock would let anyone lock the admin out. Under attack, an address that
 * failed waits until its failures are forgotten (an hour), an address that never failed is checked
 * at once: guessing is bounded to one guess an hour per address (per /64), and the admin's right
 * password from any address that has not just failed always gets in. An admin who mistypes while
 * the account is under attack waits too ({@code Retry-After} says how long), or logs in from
 * another address.</li>
 * <li><em>A success clears its client only</em>: clearing the account's failures too would let the
 * scrape, which logs in every 15 to 60 seconds, end every attack's accounting.</li>
 * <li><em>Counted before the hash</em>: checked afterwards, a burst of concurrent guesses would all
 * pass the wait before any was counted, and every refused guess would still cost the hash's
 * 210,000 iterations. The row lock makes the servers take turns for a few statements per attempt,
 * never during the hash.</li>
 * <li><em>No count, no check</em>: a login the database cannot count is answered 503, never checked
 * uncounted, or a guesser would only have to slow the database down. The cost: while the database
 * is unreachable the admin cannot log in, and the Prometheus scrape of {@code /admin/api/metrics}
 * fails too (readiness and the server's log still say why).</li>
 * <li><em>One account row, no username</em>: there is one admin, so the username needs no row of
 * its own; storing what was typed would sooner or later store a password typed in the wrong field,
 * and a row per username typed would tell a right username from a wrong one.</li>
 * </ul>
 *
 * <p><b>Out of scope.</b> Several admins or roles; the merchant's own pages ({@code account}).
 */
package dev.salesbot.sync.admin;
