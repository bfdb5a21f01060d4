package dev.salesbot.sync.account.boundary;

import dev.salesbot.sync.account.control.AccountConnection;
import dev.salesbot.sync.account.control.AccountConnections;
import dev.salesbot.sync.account.control.ConnectionChecks;
import dev.salesbot.sync.problems.control.Refusal;
import dev.salesbot.sync.sessions.boundary.BrowserSession;
import dev.salesbot.sync.sessions.boundary.BrowserSessions;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * "My connections", for the merchant this browser session acts for: the page, its status JSON
 * (what the result pages follow), and the disconnect and delete forms (POST with the session's
 * CSRF token, then 303 back to the page with what happened).
 */
@Path("connections")
public class MyConnectionsResource {

    @Inject
    AccountConnections connections;

    @Inject
    ConnectionChecks checks;

    @Inject
    BrowserSessions sessions;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        UUID merchant = merchant();
        return html(MyConnectionsView.connections(connections.of(merchant), session().csrfToken(), session().takeFlash().orElse(null)));
    }

    @GET
    @Path("status")
    @Produces(MediaType.APPLICATION_JSON)
    public Response status() {
        UUID merchant = merchant();
        List<AccountConnection> own = connections.of(merchant);
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(AccountJson.status(merchant, own, checks.of(own)).toString(), MediaType.APPLICATION_JSON_TYPE)
                .cacheControl(noStore).build();
    }

    @POST
    @Path("{id}/disconnect")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response disconnect(@PathParam("id") String id, @FormParam("csrf") String csrf) {
        UUID merchant = merchant();
        checkCsrf(csrf);
        session().flash(connections.disconnect(merchant, id));
        return backToPage();
    }

    /** The confirmation step: what deleting means, and the button that does it. */
    @GET
    @Path("{id}/delete")
    @Produces(MediaType.TEXT_HTML)
    public Response confirmDelete(@PathParam("id") String id) {
        UUID merchant = merchant();
        AccountConnection c = connections.owned(merchant, id);
        return html(MyConnectionsView.confirmDelete(c, session().csrfToken()));
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") String id, @FormParam("csrf") String csrf, @FormParam("confirm") String confirm) {
        UUID merchant = merchant();
        checkCsrf(csrf);
        if (!"yes".equals(confirm)) {
            throw Refusal.badInput("not-confirmed", "Deleting needs the confirmation step: open My connections and press Delete again.");
        }
        session().flash(connections.delete(merchant, id));
        return backToPage();
    }

    private UUID merchant() {
        return session().merchant().orElseThrow(MyConnectionsResource::noMerchant);
    }

    private BrowserSession session() {
        return sessions.of(request, response);
    }

    private static Refusal noMerchant() {
        return Refusal.conflict("no-merchant-session", "Connect your store first",
                "This browser is not connected to a store (or its session ended after 30 minutes without use). "
                        + "Connect your store again: your connections show up here.");
    }

    private void checkCsrf(String csrf) {
        if (!session().csrfMatches(csrf)) {
            throw Refusal.notAllowed("invalid-csrf-token",
                    "This form is out of date or came from another site; nothing was changed. Open My connections and try again.");
        }
    }

    private static Response backToPage() {
        return Response.seeOther(URI.create("/connections")).build();
    }

    private static Response html(String page) {
        return Response.ok(page.getBytes(StandardCharsets.UTF_8), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}
