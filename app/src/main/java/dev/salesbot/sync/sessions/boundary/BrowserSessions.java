package dev.salesbot.sync.sessions.boundary;

import dev.salesbot.sync.config.Settings;
import dev.salesbot.sync.sessions.control.BrowserSessionStore;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Hands out the {@link BrowserSession} of a request: one per request (kept as a request attribute,
 * so the authentication mechanism and the resource share it), read from the database at most once.
 *
 * <p>The cookie: {@code __Host-salesbot-session} whenever the app is reached over HTTPS (its
 * callback URL, {@code SHOPIFY_REDIRECT_URI}, says so), which browsers accept only with
 * {@code Secure}, {@code Path=/} and no {@code Domain}; {@code salesbot-session} without
 * {@code Secure} for the local run on plain http://localhost. Always {@code HttpOnly} and
 * {@code SameSite=Lax}: it goes with the OAuth return (a cross-site top-level navigation from
 * Shopify or Facebook) but with no cross-site POST. No {@code Max-Age}: it ends with the browser,
 * or earlier on the server ({@link BrowserSessionStore#IDLE}, {@link BrowserSessionStore#LIFETIME}).
 */
@ApplicationScoped
public class BrowserSessions {

    static final String SECURE_NAME = "__Host-salesbot-session";
    static final String PLAIN_NAME = "salesbot-session";

    @Inject
    BrowserSessionStore store;

    private boolean secure;

    @PostConstruct
    void readSettings() {
        secure = Settings.optional("SHOPIFY_REDIRECT_URI").map(uri -> uri.startsWith("https://")).orElse(true);
    }

    public BrowserSession of(HttpServletRequest request, HttpServletResponse response) {
        Object known = request.getAttribute(BrowserSession.class.getName());
        if (known instanceof BrowserSession session) {
            return session;
        }
        BrowserSession session = new BrowserSession(store, new SessionCookie(secure ? SECURE_NAME : PLAIN_NAME, secure), request, response);
        request.setAttribute(BrowserSession.class.getName(), session);
        return session;
    }
}
