package dev.salesbot.sync.web.boundary;

import dev.salesbot.sync.config.Settings;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Marks the session cookie {@code Secure} whenever the app is reached over HTTPS (its callback
 * URL says so), portably; web.xml cannot make that depend on the deployment, and the local run
 * on plain http://localhost needs it off.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        boolean https = Settings.optional("SHOPIFY_REDIRECT_URI").map(uri -> uri.startsWith("https://")).orElse(true);
        event.getServletContext().getSessionCookieConfig().setSecure(https);
        event.getServletContext().getSessionCookieConfig().setHttpOnly(true);
    }
}
