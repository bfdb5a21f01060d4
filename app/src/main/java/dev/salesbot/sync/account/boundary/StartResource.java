package dev.salesbot.sync.account.boundary;

import dev.salesbot.sync.sessions.boundary.BrowserSessions;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /}: the start page ({@link StartView}), which knows whether this browser already connected a store. */
@Path("")
public class StartResource {

    @Inject
    BrowserSessions sessions;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String show() {
        return StartView.render("", null, sessions.of(request, response).merchant().isPresent());
    }
}
