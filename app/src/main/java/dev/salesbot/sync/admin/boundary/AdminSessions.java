package dev.salesbot.sync.admin.boundary;

/**
 * Where the admin's browser session carries its CSRF token: every state-changing form in a field,
 * every session API call in a header. The session itself, who logged in and its token, is the
 * browser's {@code sessions.boundary.BrowserSession}; the login form carries the token of the
 * session it was shown to, so a cross-site page cannot log a browser in either.
 */
final class AdminSessions {

    /** The form field and the header that carry the token. */
    static final String CSRF_FIELD = "csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";

    private AdminSessions() {
    }
}
