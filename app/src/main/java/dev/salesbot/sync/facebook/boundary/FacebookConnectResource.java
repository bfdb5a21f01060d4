package dev.salesbot.sync.facebook.boundary;

import dev.salesbot.sync.account.control.AccountConnections;
import dev.salesbot.sync.facebook.connect.ConnectReport;
import dev.salesbot.sync.facebook.connect.FacebookConnect;
import dev.salesbot.sync.facebook.connect.PageConnect;
import dev.salesbot.sync.sessions.boundary.BrowserSession;
import dev.salesbot.sync.sessions.boundary.BrowserSessions;
import dev.salesbot.sync.web.Negotiation;
import dev.salesbot.sync.web.boundary.QueryParameters;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;


/** Connecting Facebook Pages: the start of Facebook Login and Facebook's redirect back. */
@Path("facebook")
public class FacebookConnectResource {

    @Inject
    FacebookConnect connect;

    @Inject
    PageConnect pages;

    @Inject
    BrowserSessions sessions;

    @Inject
    AccountConnections account;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @GET
    @Path("login")
    public Response login() {
        BrowserSession session = sessions.of(request, response);
        return Response.seeOther(connect.begin(session.id().orElse(null), session.merchant(), session)).build();
    }

    @GET
    @Path("callback")
    public Response callback() {
        BrowserSession session = sessions.of(request, response);
        PageConnect.Recorded recorded = connect.complete(QueryParameters.singleValued(uri.getQueryParameters()),
                session.id().orElse(null), session.merchant(), session);
        // Logged in to Facebook: a new session id before any waiting (one seen before is worth nothing now).
        session.rotate();
        ConnectReport report = pages.finish(recorded);
        if (Negotiation.prefersHtml(headers)) {
            return Response.ok(PagesConnectedView.render(report, account.of(report.merchant())),
                    MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        return Response.ok(ConnectAnswer.json(report).toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
