package dev.salesbot.sync.admin.boundary;

import dev.salesbot.sync.admin.control.AdminCredentials;
import dev.salesbot.sync.admin.control.AdminIdentityStore;
import dev.salesbot.sync.admin.control.LoginThrottle;
import dev.salesbot.sync.admin.control.LoginsUnavailable;
import dev.salesbot.sync.admin.control.VerifiedCredentials;
import dev.salesbot.sync.problems.control.Refusal;
import dev.salesbot.sync.sessions.boundary.BrowserSession;
import dev.salesbot.sync.sessions.boundary.BrowserSessions;
import dev.salesbot.sync.web.boundary.ClientAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The admin area's one authentication mechanism (Jakarta Security), and its gate: every request
 * under {@code /admin} is decided here, before any resource runs; every other request passes
 * untouched.
 * <ul>
 * <li>No admin configured: 503, naming the variables. Never open.</li>
 * <li>{@code GET /admin/login} is the form; {@code POST /admin/login} checks its own CSRF token,
 * then the throttle, then the credentials; success gives the browser session a new id and CSRF token
 * and makes it the admin's (303 to {@code /admin}); failure is 401 with the form again, and no admin
 * session. The session is in the database ({@link BrowserSessions}), so any server answers the next
 * request.</li>
 * <li>{@code /admin/api/*}: HTTP Basic on every request (no session is made for it), or the
 * admin's session. A state-changing call must send {@code Content-Type: application/json} (a
 * cross-site form cannot, and a cross-site script cannot without a preflight this server never
 * grants), and a session call also the {@code X-CSRF-Token} header. No credentials: 401 with a
 * Basic challenge.</li>
 * <li>Other admin pages: the admin's session only; a state-changing form must carry the session's
 * CSRF token (403 otherwise, nothing done); no session: 303 to the login form.</li>
 * <li>Failed logins, by form or Basic, are slowed down per client ({@link LoginThrottle}, the
 * client as {@link ClientAddress} tells it): every attempt is counted before its password is
 * checked; 429 with {@code Retry-After} while the client must wait, 503 if the database cannot
 * count the attempt (the password is then not checked). A client's Basic calls presenting the same
 * credentials at once are checked and counted once, and its success is not hashed again for a few
 * minutes while the throttle lets it try ({@link VerifiedCredentials}).</li>
 * </ul>
 * The decision does not depend on container role mapping, which differs between servers; the
 * container is still told who the caller is, so {@code SecurityContext} works in the resources.
 */
@ApplicationScoped
public class AdminAuthentication implements HttpAuthenticationMechanism {

    static final String REALM = "salesbot-sync admin";

    @Inject
    IdentityStoreHandler identities;

    @Inject
    AdminCredentials credentials;

    @Inject
    LoginThrottle throttle;

    @Inject
    ClientAddress clients;

    @Inject
    BrowserSessions sessions;

    @Inject
    VerifiedCredentials verified;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        String path = AdminPaths.of(request);
        if (!AdminPaths.admin(path)) {
            return context.doNothing();
        }
        try {
            AuthenticationStatus status = decide(path, request, response, context);
            if (status == AuthenticationStatus.SEND_FAILURE) {
                AdminResponses.drain(request);
            }
            return status;
        } catch (Refusal e) {
            // The sessions' database did not answer (sessions.control.BrowserSessionStore): nothing is decided.
            try {
                response.setHeader("Retry-After", "10");
                AdminResponses.problem(response, 503, e.slug(), e.title(), e.detail());
            } catch (IOException written) {
                throw new AuthenticationException(written);
            }
            return AuthenticationStatus.SEND_FAILURE;
        } catch (IOException e) {
            throw new AuthenticationException(e);
        }
    }

    private AuthenticationStatus decide(String path, HttpServletRequest request, HttpServletResponse response,
                                        HttpMessageContext context) throws IOException {
        Optional<String> missing = credentials.problem();
        if (missing.isPresent()) {
            AdminResponses.problem(response, 503, "admin-not-configured", "Admin not configured", missing.get());
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (path.equals(AdminPaths.LOGIN)) {
            return "POST".equals(request.getMethod()) ? login(request, response, context) : context.doNothing();
        }
        return AdminPaths.api(path) ? api(request, response, context) : page(request, response, context);
    }

    private AuthenticationStatus login(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws IOException {
        BrowserSession session = sessions.of(request, response);
        if (!session.csrfMatches(request.getParameter(AdminSessions.CSRF_FIELD))) {
            AdminResponses.page(response, 403, AdminViews.login(session.csrfToken(),
                    "The login form had expired. Please log in again."));
            return AuthenticationStatus.SEND_FAILURE;
        }
        InetAddress client = clients.of(request);
        Optional<Refused> refused = admit(client, response);
        if (refused.isPresent()) {
            AdminResponses.page(response, refused.get().status(), AdminViews.login(session.csrfToken(), refused.get().detail()));
            return AuthenticationStatus.SEND_FAILURE;
        }
        CredentialValidationResult result = validate(request.getParameter("username"), request.getParameter("password"));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            throttle.failed(client);
            AdminResponses.page(response, 401, AdminViews.login(session.csrfToken(), "Wrong username or password."));
            return AuthenticationStatus.SEND_FAILURE;
        }
        throttle.succeeded(client);
        // A new session id and CSRF token as soon as the admin is known: a fixated id is worth nothing.
        session.logIn(result.getCallerPrincipal().getName());
        AdminResponses.seeOther(response, AdminPaths.ROOT);
        return AuthenticationStatus.SEND_CONTINUE;
    }

    /**
     * Why an attempt is not checked: the status to answer, the sentence that says so, and the
     * {@code Retry-After} seconds (set on the answer by {@link #admit}).
     */
    private record Refused(int status, String slug, String title, String detail, long retryAfter) {
    }

    /** A Basic call's check: refused before its password was checked, or the password's result. */
    private record BasicCheck(Optional<Refused> refused, CredentialValidationResult result) {
    }

    /**
     * Counts the attempt before its password is checked ({@link LoginThrottle#admit}); empty if it
     * may be checked, else why not — 429, or 503 when the database cannot count it.
     */
    private Optional<Refused> admit(InetAddress client) {
        Optional<Duration> wait;
        try {
            wait = throttle.admit(client);
        } catch (LoginsUnavailable e) {
            return Optional.of(new Refused(503, "logins-unavailable", "Logins unavailable",
                    "Logins cannot be checked right now (the database did not answer). Try again in a minute.", 10));
        }
        if (wait.isEmpty()) {
            return Optional.empty();
        }
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        return Optional.of(new Refused(429, "too-many-failed-logins", "Too many failed logins",
                "Too many failed logins from your address: try again in " + seconds + " s.", seconds));
    }

    private Optional<Refused> admit(InetAddress client, HttpServletResponse response) {
        Optional<Refused> refused = admit(client);
        refused.ifPresent(r -> response.setHeader("Retry-After", Long.toString(r.retryAfter())));
        return refused;
    }

    /**
     * A Basic call's credentials: counted, then checked, and the client's count settled — once for
     * all the client's calls presenting the same value at once; and a success the client had a few
     * minutes ago is let in without a hash, unless the throttle makes the client wait
     * ({@link VerifiedCredentials}).
     */
    private BasicCheck basicCheck(String authorization, InetAddress client) {
        String key = verified.key(client.getHostAddress(), authorization);
        return verified.once(key, () -> {
            Optional<String> caller = verified.remembered(key);
            try {
                if (caller.isPresent() && !throttle.mustWait(client)) {
                    return new BasicCheck(Optional.empty(), new CredentialValidationResult(caller.get(), Set.of(AdminIdentityStore.ROLE)));
                }
            } catch (LoginsUnavailable e) {
                return new BasicCheck(admit(client), CredentialValidationResult.NOT_VALIDATED_RESULT);
            }
            Optional<Refused> refused = admit(client);
            if (refused.isPresent()) {
                return new BasicCheck(refused, CredentialValidationResult.NOT_VALIDATED_RESULT);
            }
            CredentialValidationResult result = basic(authorization.substring(6).strip());
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                throttle.succeeded(client);
                verified.remember(key, result.getCallerPrincipal().getName());
            } else {
                throttle.failed(client);
                verified.forget(key);
            }
            return new BasicCheck(Optional.empty(), result);
        });
    }

    private AuthenticationStatus api(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws IOException {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            BasicCheck check = basicCheck(authorization, clients.of(request));
            if (check.refused().isPresent()) {
                Refused r = check.refused().get();
                response.setHeader("Retry-After", Long.toString(r.retryAfter()));
                AdminResponses.problem(response, r.status(), r.slug(), r.title(), r.detail());
                return AuthenticationStatus.SEND_FAILURE;
            }
            CredentialValidationResult result = check.result();
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                return challenge(response, "Wrong username or password.");
            }
            if (!AdminPaths.safe(request) && !AdminPaths.json(request)) {
                return jsonRequired(response);
            }
            return context.notifyContainerAboutLogin(result);
        }
        BrowserSession session = sessions.of(request, response);
        Optional<String> user = session.admin();
        if (user.isEmpty()) {
            return challenge(response, "Send the admin's credentials (HTTP Basic), or log in at " + AdminPaths.LOGIN + ".");
        }
        if (!AdminPaths.safe(request)) {
            if (!AdminPaths.json(request)) {
                return jsonRequired(response);
            }
            if (!session.csrfMatches(request.getHeader(AdminSessions.CSRF_HEADER))) {
                AdminResponses.problem(response, 403, "csrf-token-invalid", "CSRF token missing or wrong",
                        "A call with the admin's session must carry the session's token in " + AdminSessions.CSRF_HEADER + ".");
                return AuthenticationStatus.SEND_FAILURE;
            }
        }
        return context.notifyContainerAboutLogin(user.get(), Set.of(AdminIdentityStore.ROLE));
    }

    private AuthenticationStatus page(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws IOException {
        BrowserSession session = sessions.of(request, response);
        Optional<String> user = session.admin();
        if (user.isEmpty()) {
            if (AdminPaths.safe(request)) {
                AdminResponses.seeOther(response, AdminPaths.LOGIN);
                return AuthenticationStatus.SEND_CONTINUE;
            }
            AdminResponses.problemPage(response, 401, "Not logged in", "Log in to the admin console first.");
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (!AdminPaths.safe(request)
                && !session.csrfMatches(request.getParameter(AdminSessions.CSRF_FIELD))) {
            AdminResponses.problemPage(response, 403, "Request refused",
                    "The form's security token was missing or wrong, so nothing was changed. Reload the console and try again.");
            return AuthenticationStatus.SEND_FAILURE;
        }
        return context.notifyContainerAboutLogin(user.get(), Set.of(AdminIdentityStore.ROLE));
    }

    private CredentialValidationResult basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? CredentialValidationResult.INVALID_RESULT : validate(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    private CredentialValidationResult validate(String username, String password) {
        if (username == null || password == null || username.length() > 256 || password.length() > 1024) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return identities.validate(new UsernamePasswordCredential(username, password));
    }

    private static AuthenticationStatus challenge(HttpServletResponse response, String detail) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        AdminResponses.problem(response, 401, "admin-authentication-required", "Authentication required", detail);
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static AuthenticationStatus jsonRequired(HttpServletResponse response) throws IOException {
        AdminResponses.problem(response, 415, "json-required", "JSON required",
                "A state-changing admin API call must send Content-Type: application/json.");
        return AuthenticationStatus.SEND_FAILURE;
    }
}
