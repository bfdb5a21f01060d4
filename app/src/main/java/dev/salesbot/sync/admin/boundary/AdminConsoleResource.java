package dev.salesbot.sync.admin.boundary;

import dev.salesbot.sync.admin.control.Dashboard;
import dev.salesbot.sync.merchants.control.ConnectionActions;
import dev.salesbot.sync.poll.control.PollControl;
import dev.salesbot.sync.problems.control.Refusal;
import dev.salesbot.sync.sessions.boundary.BrowserSession;
import dev.salesbot.sync.sessions.boundary.BrowserSessions;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import java.util.function.Supplier;

/**
 * The admin console for browsers: the login form, the dashboard and its buttons. Reached only
 * through {@link AdminAuthentication} (which has checked the session and, for every POST, its
 * CSRF token); each button does its action and answers 303 back to the dashboard, which shows
 * what was done.
 */
@Path("admin")
public class AdminConsoleResource {

    @Inject
    Dashboard dashboard;

    @Inject
    ConnectionActions actions;

    @Inject
    PollControl poller;

    @Inject
    BrowserSessions sessions;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show() {
        BrowserSession session = session();
        String user = session.admin().orElseThrow();
        String page = AdminViews.dashboard(dashboard.overview(), user, session.csrfToken(), session.takeFlash().orElse(null));
        return html(page);
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public Response login() {
        BrowserSession session = session();
        if (session.admin().isPresent()) {
            return Response.seeOther(URI.create(AdminPaths.ROOT)).build();
        }
        return html(AdminViews.login(session.csrfToken(), null));
    }

    @POST
    @Path("logout")
    public Response logout() throws jakarta.servlet.ServletException {
        request.logout();
        session().end();
        return Response.seeOther(URI.create(AdminPaths.LOGIN)).build();
    }

    @POST
    @Path("poll")
    public Response pollNow() {
        return act(() -> poller.pollNow() + " connection(s) queued for a poll now.");
    }

    @POST
    @Path("connections/{id}/sync")
    public Response sync(@PathParam("id") String id) {
        return act(() -> actions.sync(id).message());
    }

    @POST
    @Path("connections/{id}/webhooks")
    public Response webhooks(@PathParam("id") String id) {
        return act(() -> actions.registerWebhooks(id).message());
    }

    @POST
    @Path("connections/{id}/disconnect")
    public Response disconnect(@PathParam("id") String id) {
        return act(() -> actions.disconnect(id, "an operator").message());
    }

    @POST
    @Path("merchants/{uuid}/delete")
    public Response deleteMerchant(@PathParam("uuid") String uuid) {
        return act(() -> {
            List<ConnectionActions.Done> done = actions.deleteMerchant(AdminApi.merchant(uuid));
            return "Merchant " + uuid + ": " + done.size() + " connection(s) being deleted ("
                    + String.join("; ", done.stream().map(d -> d.target() + ": " + d.message()).toList()) + ").";
        });
    }

    private BrowserSession session() {
        return sessions.of(request, response);
    }

    private Response act(Supplier<String> action) {
        String message;
        try {
            message = action.get();
        } catch (Refusal e) {
            message = "Not done: " + e.getMessage();
        }
        session().flash(message);
        return Response.seeOther(URI.create(AdminPaths.ROOT)).build();
    }

    private static Response html(String page) {
        return Response.ok(page.getBytes(StandardCharsets.UTF_8), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").build();
    }

}
