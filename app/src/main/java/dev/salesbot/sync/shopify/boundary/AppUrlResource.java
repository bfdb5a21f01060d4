package dev.salesbot.sync.shopify.boundary;

import dev.salesbot.sync.account.boundary.StartView;
import dev.salesbot.sync.problems.control.Refusal;
import dev.salesbot.sync.sessions.boundary.BrowserSession;
import dev.salesbot.sync.sessions.boundary.BrowserSessions;
import dev.salesbot.sync.shopify.connect.ShopifyConnect;
import dev.salesbot.sync.shopify.connect.ShopifyLaunches;
import dev.salesbot.sync.shopify.entity.ShopDomain;
import dev.salesbot.sync.web.boundary.QueryParameters;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * {@code GET /}: the start page ({@link StartView}), which is also the Shopify app's App URL. Opened
 * from the Shopify admin it carries Shopify's signed launch; verified ({@link ShopifyLaunches}), an
 * installed store's browser session becomes its merchant's (a new session id first, as at the
 * callback) and goes to the store's page, {@code /shopify/store}, out of the signed address; any
 * other store goes to its grant page. A launch that does not verify gets the plain start page, with
 * nothing put in the session and a WARN line: a page a merchant reached by a stale or mangled link
 * is not an error to show them.
 */
@Path("")
public class AppUrlResource {

    private static final System.Logger LOGGER = System.getLogger(AppUrlResource.class.getName());
    /** Any of these makes a request to {@code /} a launch to verify. */
    private static final Set<String> LAUNCH = Set.of("shop", "hmac", "timestamp");

    @Inject
    ShopifyLaunches launches;

    @Inject
    ShopifyConnect connect;

    @Inject
    BrowserSessions sessions;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @Context
    UriInfo uri;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show() {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        if (query.keySet().stream().noneMatch(LAUNCH::contains)) {
            return startPage();
        }
        ShopifyLaunches.Launch launch;
        try {
            launch = launches.decide(QueryParameters.singleValued(query));
        } catch (Refusal e) {
            LOGGER.log(System.Logger.Level.WARNING, "Refused a launch from the Shopify admin for shop {0}: {1}",
                    loggable(query.getFirst("shop")), e.detail());
            return startPage();
        }
        BrowserSession session = sessions.of(request, response);
        return switch (launch.action()) {
            case OPEN -> {
                // As at the callback: the merchant is known, so the session gets a new id before it acts for them.
                session.rotate();
                session.actFor(launch.merchant());
                LOGGER.log(System.Logger.Level.INFO, "{0} opened from the Shopify admin for merchant {1}", launch.shop(), launch.merchant());
                yield Response.seeOther(URI.create("/shopify/store")).build();
            }
            case INSTALL -> {
                LOGGER.log(System.Logger.Level.INFO, "{0} opened from the Shopify admin: starting the install, as {1}",
                        launch.shop(), launch.why());
                yield Response.seeOther(connect.begin(launch.shop(), session.open(), session)).build();
            }
        };
    }

    private Response startPage() {
        boolean known = sessions.of(request, response).merchant().isPresent();
        return Response.ok(StartView.render("", null, known).getBytes(StandardCharsets.UTF_8), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }

    /** A shop reaches a log line only as a {@link ShopDomain}; what is not one is not quoted. */
    private static String loggable(String shop) {
        try {
            return ShopDomain.parse(shop).value();
        } catch (ShopDomain.InvalidShop e) {
            return "(not a shop domain)";
        }
    }
}
