package dev.salesbot.sync.facebook.boundary;

import dev.salesbot.sync.account.control.AccountConnections;
import dev.salesbot.sync.facebook.connect.ConnectReport;
import dev.salesbot.sync.facebook.connect.FacebookConnect;
import dev.salesbot.sync.facebook.connect.PageConnect;
import dev.salesbot.sync.merchants.boundary.MerchantSession;
import dev.salesbot.sync.security.boundary.PendingStates;
import dev.salesbot.sync.web.Negotiation;
import dev.salesbot.sync.web.boundary.QueryParameters;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.Optional;
import java.util.UUID;

/** Connecting Facebook Pages: the start of Facebook Login and Facebook's redirect back. */
@Path("facebook")
public class FacebookConnectResource {

    @Inject
    FacebookConnect connect;

    @Inject
    PageConnect pages;

    @Inject
    MerchantSession merchantSession;

    @Inject
    PendingStates pendingStates;

    @Inject
    AccountConnections account;

    @Context
    HttpServletRequest request;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @GET
    @Path("login")
    public Response login() {
        String sessionId = sessionId();
        return Response.seeOther(connect.begin(sessionId, merchant(sessionId), pendingStates)).build();
    }

    @GET
    @Path("callback")
    public Response callback() {
        String sessionId = sessionId();
        PageConnect.Recorded recorded = connect.complete(QueryParameters.singleValued(uri.getQueryParameters()),
                sessionId, merchant(sessionId), pendingStates);
        // Logged in to Facebook: a new session id before any waiting (one seen before is worth nothing now).
        request.changeSessionId();
        ConnectReport report = pages.finish(recorded);
        if (Negotiation.prefersHtml(headers)) {
            return Response.ok(PagesConnectedView.render(report, account.of(report.merchant())),
                    MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        return Response.ok(ConnectAnswer.json(report).toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private String sessionId() {
        HttpSession session = request.getSession(false);
        return session == null ? null : session.getId();
    }

    /** Without a session, asking the session-scoped bean would create one just to say "none". */
    private Optional<UUID> merchant(String sessionId) {
        return sessionId == null ? Optional.empty() : merchantSession.merchant();
    }
}
