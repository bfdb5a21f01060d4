package dev.salesbot.sync.web.boundary;

import dev.salesbot.sync.config.StartupState;
import dev.salesbot.sync.json.Jsonp;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * No request reaches the application before the server is ready ({@link StartupState}: the schema
 * migrated, no start-up check refusing): it is answered 503 with {@code Retry-After}, naming what
 * is wrong, so nothing reads a table whose schema is not this version's. Health answers pass: the
 * readiness check is where an operator reads why.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class StartupGate extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient StartupState startup;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // Payara serves MicroProfile Health through the application at the root context: readiness must say why.
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (startup.ready() || path.equals("/health") || path.startsWith("/health/")) {
            chain.doFilter(request, response);
            return;
        }
        String detail = startup.reasons().isEmpty() ? "The server is starting: its database schema is being brought up to date."
                : String.join(" ", startup.reasons());
        byte[] body = Jsonp.createObjectBuilder().add("type", "/problems/not-ready").add("title", "Not ready")
                .add("status", 503).add("detail", detail).build().toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(503);
        response.setHeader("Retry-After", "10");
        response.setContentType("application/problem+json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
