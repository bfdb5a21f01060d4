package dev.salesbot.sync.web.boundary;

import dev.salesbot.sync.config.Settings;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The session cookie's flags: {@code HttpOnly}; {@code SameSite=Lax}, so that it goes with the
 * OAuth return (a cross-site top-level navigation from Shopify or Facebook) but with no cross-site
 * POST; {@code Secure} whenever the app is reached over HTTPS (its callback URL says so). Set here,
 * portably (Servlet 6 cookie attributes): web.xml cannot make {@code Secure} depend on the
 * deployment, and the local run on plain http://localhost needs it off.
 *
 * <p>Payara 6 ignores {@code SameSite} set here for the session cookie; {@code WEB-INF/payara-web.xml}
 * sets it there ({@code cookieSameSite}, read by Payara's deployment since 6.2023.4, FISH-6908), and
 * WildFly's Undertow honours this one. Both servers' tests check the header.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        boolean https = Settings.optional("SHOPIFY_REDIRECT_URI").map(uri -> uri.startsWith("https://")).orElse(true);
        event.getServletContext().getSessionCookieConfig().setSecure(https);
        event.getServletContext().getSessionCookieConfig().setHttpOnly(true);
        event.getServletContext().getSessionCookieConfig().setAttribute("SameSite", "Lax");
    }
}
