package dev.salesbot.sync.shopify.boundary;

import dev.salesbot.sync.account.boundary.StartView;
import dev.salesbot.sync.account.control.AccountConnection;
import dev.salesbot.sync.account.control.AccountConnections;
import dev.salesbot.sync.problems.boundary.Problem;
import dev.salesbot.sync.problems.control.Refusal;
import dev.salesbot.sync.sessions.boundary.BrowserSession;
import dev.salesbot.sync.sessions.boundary.BrowserSessions;
import dev.salesbot.sync.shopify.connect.ShopifyConnect;
import dev.salesbot.sync.shopify.connect.ShopifyLaunches;
import dev.salesbot.sync.shopify.entity.ShopDomain;
import dev.salesbot.sync.web.Negotiation;
import dev.salesbot.sync.web.boundary.QueryParameters;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Connecting a Shopify store: the start of the OAuth dance, Shopify's redirect back, and the connected store's page. */
@Path("shopify")
public class ShopifyConnectResource {

    @Inject
    ShopifyConnect connect;

    @Inject
    BrowserSessions sessions;

    @Inject
    AccountConnections account;

    @Inject
    ShopifyLaunches launches;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @GET
    @Path("{shop}/login")
    public Response login(@PathParam("shop") String shop) {
        ShopDomain domain = ShopDomain.parse(shop);
        BrowserSession session = sessions.of(request, response);
        return Response.seeOther(connect.begin(domain, session.open(), session)).build();
    }

    /**
     * The start page's form: {@code ?shop=} what the merchant typed or pasted ({@link ShopDomain#fromTyped}).
     * A browser gets the start page again with what is wrong beside the field (400); an API client
     * gets the problem.
     */
    @GET
    @Path("connect")
    public Response connectForm(@QueryParam("shop") String shop) {
        ShopDomain domain;
        try {
            domain = ShopDomain.fromTyped(shop);
        } catch (ShopDomain.InvalidShop e) {
            if (!Negotiation.prefersHtml(headers)) {
                throw e;
            }
            boolean known = sessions.of(request, response).merchant().isPresent();
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    // Bytes: RESTEasy (WildFly) HTML-escapes String entities of 400 text/html answers.
                    .entity(StartView.render(shop == null ? "" : shop, e.whatToDo(), known).getBytes(StandardCharsets.UTF_8))
                    .build();
        }
        return login(domain.value());
    }

    /**
     * The store's page for the merchant this browser session acts for: the page a connect shows, as
     * things stand (no sync asked for or waited for). Where a launch from the Shopify admin lands.
     */
    @GET
    @Path("store")
    @Produces(MediaType.TEXT_HTML)
    public Response store() {
        UUID merchant = sessions.of(request, response).merchant().orElseThrow(() -> Refusal.conflict("no-merchant-session",
                "Connect your store first", "This browser is not connected to a store (or its session ended after 30 minutes "
                        + "without use). Open the app from your Shopify admin, or connect your store again."));
        return launches.page(merchant)
                .map(connected -> Response.ok(StoreConnectedView.render(connected, storeBoxes(merchant)).getBytes(StandardCharsets.UTF_8),
                        MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build())
                // A merchant whose store was deleted since: their other connections are there.
                .orElseGet(() -> Response.seeOther(URI.create("/connections")).build());
    }

    @GET
    @Path("callback")
    public Response callback() {
        BrowserSession session = sessions.of(request, response);
        if (!session.exists()) {
            throw Problem.forbidden("invalid-state",
                    "This browser has no session from the start of the connection (are cookies blocked?); start again.");
        }
        ShopifyConnect.Accepted accepted = connect.complete(QueryParameters.singleValued(uri.getQueryParameters()), session.id().orElseThrow(),
                session);
        // The merchant is known: this session acts for the store's merchant from now on, under a new
        // id (a session id seen before the login is worth nothing after it), before any waiting.
        session.rotate();
        session.actFor(accepted.merchant());
        if (Negotiation.prefersHtml(headers)) {
            // A browser waits less: its page follows the rest of the first sync by itself.
            ShopifyConnect.Connected connected = connect.firstSnapshotForPage(accepted);
            return Response.ok(StoreConnectedView.render(connected, storeBoxes(accepted.merchant())), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .build();
        }
        ShopifyConnect.Connected connected = connect.firstSnapshot(accepted);
        return Response.ok(CallbackAnswer.json(connected).toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private List<AccountConnection> storeBoxes(UUID merchant) {
        return account.of(merchant).stream().filter(AccountConnection::shopify).toList();
    }
}
