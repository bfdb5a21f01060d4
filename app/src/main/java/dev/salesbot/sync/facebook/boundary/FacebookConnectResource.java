package dev.salesbot.sync.facebook.boundary;

import dev.salesbot.sync.facebook.control.ConnectReport;
import dev.salesbot.sync.facebook.control.FacebookConnect;
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


/** Connecting Facebook Pages: the start of Facebook Login and Facebook's redirect back. */
@Path("facebook")
public class FacebookConnectResource {

    @Inject
    FacebookConnect connect;

    @Context
    HttpServletRequest request;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @GET
    @Path("login")
    public Response login() {
        return Response.seeOther(connect.begin(sessionId())).build();
    }

    @GET
    @Path("callback")
    public Response callback() {
        ConnectReport report = connect.complete(QueryParameters.singleValued(uri.getQueryParameters()), sessionId());
        request.changeSessionId(); // a new id at login: a session id seen before it is worth nothing after
        if (Negotiation.prefersHtml(headers)) {
            return Response.ok(PagesConnectedPage.render(report), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        return Response.ok(ConnectAnswer.json(report).toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private String sessionId() {
        HttpSession session = request.getSession(false);
        return session == null ? null : session.getId();
    }
}
