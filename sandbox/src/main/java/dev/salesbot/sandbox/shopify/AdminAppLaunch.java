package dev.salesbot.sandbox.shopify;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

/**
 * The Shopify admin opening the app, as when a merchant clicks it under Apps:
 * {@code GET /sandbox/shopify/{shop}/admin/apps/{client_id}} sends the browser on to the app's App
 * URL ({@code SANDBOX_SHOPIFY_APP_URL}) with {@code host}, {@code shop} and {@code timestamp}, signed
 * at the click with the app's secret as the OAuth redirect is
 * (https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/authorization-code-grant,
 * "Step 1: Verify the installation request"). Shopify sends the same request for a store that has
 * not installed the app (its installation request), so the sandbox signs it whether or not the app
 * is installed; it is the app's to tell the two apart.
 */
@Path("shopify/{shop}/admin/apps")
public class AdminAppLaunch {

    @Inject
    SandboxApp registered;

    /** The app's App URL in its configuration; the default is the README's run command's start page. */
    @Inject
    @ConfigProperty(name = "SANDBOX_SHOPIFY_APP_URL", defaultValue = "http://localhost:8080/")
    String appUrl;

    Clock clock = Clock.systemUTC();

    @GET
    @Path("{app}")
    public Response open(@PathParam("shop") String shop, @PathParam("app") String app) {
        if (!registered.exists(shop)) {
            return notFound("There is no shop called " + shop + ".");
        }
        if (!registered.apiKey().equals(app)) {
            return notFound("This store has no app " + app + ".");
        }
        return Response.status(302).location(launch(shop)).build();
    }

    /** The App URL with Shopify's signed launch parameters for {@code shop}, signed now. */
    URI launch(String shop) {
        UriBuilder target = UriBuilder.fromUri(appUrl);
        QuerySignatures.signed(Map.of("host", QuerySignatures.host(shop), "shop", shop,
                "timestamp", Long.toString(clock.instant().getEpochSecond())), registered.apiSecret()).forEach(target::queryParam);
        return target.build();
    }

    private static Response notFound(String message) {
        return Response.status(404).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).entity(message).build();
    }
}
