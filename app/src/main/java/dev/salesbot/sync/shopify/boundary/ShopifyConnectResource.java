package dev.salesbot.sync.shopify.boundary;

import dev.salesbot.sync.merchants.boundary.MerchantSession;
import dev.salesbot.sync.problems.boundary.Problem;
import dev.salesbot.sync.shopify.control.ShopDomain;
import dev.salesbot.sync.shopify.control.ShopifyConnect;
import dev.salesbot.sync.web.Negotiation;
import dev.salesbot.sync.web.boundary.QueryParameters;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Connecting a Shopify store: the start of the OAuth dance and Shopify's redirect back. */
@Path("shopify")
public class ShopifyConnectResource {

    @Inject
    ShopifyConnect connect;

    @Inject
    MerchantSession merchantSession;

    @Context
    HttpServletRequest request;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @GET
    @Path("{shop}/login")
    public Response login(@PathParam("shop") String shop) {
        ShopDomain domain = ShopDomain.parse(shop);
        HttpSession session = request.getSession(true);
        return Response.seeOther(connect.begin(domain, session.getId())).build();
    }

    /** The start page's form: {@code ?shop=acme}. */
    @GET
    @Path("connect")
    public Response connectForm(@QueryParam("shop") String shop) {
        return login(shop);
    }

    @GET
    @Path("callback")
    public Response callback() {
        HttpSession session = request.getSession(false);
        if (session == null) {
            throw Problem.forbidden("invalid-state",
                    "This browser has no session from the start of the connection (are cookies blocked?); start again.");
        }
        ShopifyConnect.Accepted accepted = connect.complete(QueryParameters.singleValued(uri.getQueryParameters()), session.getId());
        // The merchant is known: this session acts for the store's merchant from now on, under a new
        // id (a session id seen before the login is worth nothing after it), before any waiting.
        request.changeSessionId();
        merchantSession.actFor(accepted.merchant());
        ShopifyConnect.Connected connected = connect.firstSnapshot(accepted);
        if (Negotiation.prefersHtml(headers)) {
            return Response.ok(ConnectedPage.render(connected), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        return Response.ok(CallbackAnswer.json(connected).toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
