package dev.salesbot.sandbox;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;

/**
 * A second lock on a WAR that is never deployed in production anyway: the whole sandbox answers
 * 404 unless {@code SANDBOX_ENABLED=true}. It filters every request of this WAR ({@code /*}), so
 * no spelling of a path (matrix parameters, encoded slashes, dot segments, case) can get past it.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SandboxGate implements Filter {

    private static final System.Logger LOGGER = System.getLogger(SandboxGate.class.getName());

    private boolean enabled;

    @Override
    public void init(FilterConfig config) {
        enabled = ConfigProvider.getConfig(SandboxGate.class.getClassLoader())
                .getOptionalValue("SANDBOX_ENABLED", Boolean.class).orElse(false);
        if (enabled) {
            LOGGER.log(System.Logger.Level.WARNING, "SANDBOX_ENABLED=true: the simulated Shopify and Facebook are served "
                    + "under {0}. Never deploy this WAR in production.", config.getServletContext().getContextPath());
        } else {
            LOGGER.log(System.Logger.Level.WARNING, "The sandbox WAR is deployed but SANDBOX_ENABLED is not true: "
                    + "every request to it answers 404. Remove the WAR from production servers.");
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!enabled) {
            ((HttpServletResponse) response).sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }
}
