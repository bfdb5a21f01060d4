package dev.salesbot.sync.admin.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The second lock on the admin area: whatever a container does after the mechanism answered
 * (servers differ in whether an unprotected resource still runs after a failed authentication),
 * nothing under {@code /admin} runs unless the mechanism let it: a committed answer ends the
 * request here, and a request without the admin as caller is refused. The login form is the one
 * page open to anyone.
 */
@WebFilter(urlPatterns = {"/admin", "/admin/*"}, asyncSupported = true)
public class AdminGate extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (response.isCommitted()) {
            return;
        }
        String path = AdminPaths.of(request);
        boolean loginForm = path.equals(AdminPaths.LOGIN) && AdminPaths.safe(request);
        if (!loginForm && request.getUserPrincipal() == null) {
            AdminResponses.problem(response, 401, "admin-authentication-required", "Authentication required",
                    "The admin area needs the admin's credentials.");
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, response);
    }
}
