package dev.salesbot.sync.web.boundary;

import dev.salesbot.sync.config.Settings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;

/**
 * The headers every answer carries, set before anything else runs so that error answers have them
 * too.
 *
 * <ul>
 * <li>{@code Content-Security-Policy}: scripts, styles, fetches and images from this origin only,
 *     no inline script or style, no plugin, no framing ({@code frame-ancestors 'none'}), no
 *     {@code <base>}. Forms may go to this origin and to the shops' hosts: the start page's form
 *     is redirected to the shop's install page, and Chromium applies {@code form-action} to a
 *     form's redirects too.</li>
 * <li>{@code Referrer-Policy: no-referrer}: the callback URLs carry one-time codes and states.</li>
 * <li>{@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY} for browsers without
 *     {@code frame-ancestors}.</li>
 * <li>{@code Strict-Transport-Security} when the request came over https or the deployment's public
 *     URL is https (behind a proxy that ends TLS); browsers ignore it over http (RFC 6797 §8.1).</li>
 * </ul>
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private String policy;
    private boolean httpsDeployment;

    @Override
    public void init() {
        configure(Settings.optional("SHOPIFY_SHOP_BASE_URL").orElse("https://{shop}"),
                Settings.optional("SHOPIFY_REDIRECT_URI").orElse("https://"));
    }

    void configure(String shopBaseUrl, String redirectUri) {
        String shops = shopOrigin(shopBaseUrl);
        policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                + "form-action 'self'" + (shops == null ? "" : " " + shops) + "; frame-ancestors 'none'; base-uri 'none'";
        httpsDeployment = redirectUri.startsWith("https://");
    }

    /** The origin of the shops' install pages, {@code {shop}} as a host wildcard: {@code https://*.myshopify.com}. */
    static String shopOrigin(String template) {
        try {
            URI uri = URI.create(template.replace("{shop}", "shop-placeholder.myshopify.com"));
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return null;
            }
            return uri.getScheme() + "://" + uri.getRawAuthority().replace("shop-placeholder.myshopify.com", "*.myshopify.com");
        } catch (IllegalArgumentException e) {
            return null; // ConfigurationCheck reports a bad template; the policy then allows this origin only
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        if (request.isSecure() || httpsDeployment) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        chain.doFilter(request, response);
    }
}
