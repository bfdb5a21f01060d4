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
 * application/json}, which a cross-site form cannot send. Failed logins are slowed down per
 * address ({@link dev.salesbot.sync.admin.control.LoginThrottle}).</li>
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
 * framework and no JavaScript: every button is a form. A failed login's slowdown is in memory, per
 * server.
 *
 * <p><b>Out of scope.</b> Several admins or roles; the merchant's own pages ({@code account}).
 */
package dev.salesbot.sync.admin;
