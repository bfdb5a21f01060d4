package dev.salesbot.sync.facebook.boundary;

import dev.salesbot.sync.facebook.graph.FacebookApp;
import dev.salesbot.sync.facebook.webhooks.FacebookWebhookReceipts;
import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.problems.control.Refusal;
import dev.salesbot.sync.security.control.Hmac;
import dev.salesbot.sync.webhooks.boundary.RawBodies;
import dev.salesbot.sync.webhooks.control.Receipt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Meta's webhooks for Pages, at the address the app subscription names ({@code FACEBOOK_WEBHOOK_ADDRESS}):
 * {@code GET} is Meta's verification request, {@code POST} its event notifications, read as raw bytes
 * capped at {@code WEBHOOK_MAX_BYTES} and handed to {@link FacebookWebhookReceipts}, which verifies
 * them before anything parses them. Every verified notification is answered 200 once recorded
 * (with the notifications that arrived at the same moment: group commit); one the server cannot
 * record in time (intake full) is answered 503 with {@code Retry-After}, and Meta sends it again.
 *
 * <p>One instance for the application, as {@link dev.salesbot.sync.shopify.boundary.ShopifyWebhookResource}
 * (which says why); it holds no state of a request.
 */
@ApplicationScoped
@Path("facebook/webhook")
public class FacebookWebhookResource {

    /** Meta sends an int; anything else is not echoed. */
    private static final Pattern CHALLENGE = Pattern.compile("^[A-Za-z0-9_-]{1,128}$");

    @Inject
    FacebookApp app;

    @Inject
    FacebookWebhookReceipts receipts;

    @Inject
    dev.salesbot.sync.monitoring.control.Meters meters;

    @Inject
    @ConfigProperty(name = "WEBHOOK_MAX_BYTES", defaultValue = "1048576")
    int maxBytes;

    /**
     * {@code hub.mode=subscribe} with {@code hub.verify_token} equal (constant time) to
     * {@code FACEBOOK_VERIFY_TOKEN}: 200 {@code text/plain} with exactly {@code hub.challenge}
     * (https://developers.facebook.com/docs/graph-api/webhooks/getting-started/#verification-requests);
     * anything else 403.
     */
    @GET
    @Produces({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    public Response verify(@QueryParam("hub.mode") String mode, @QueryParam("hub.verify_token") String token,
                           @QueryParam("hub.challenge") String challenge) {
        Optional<String> expected = app.verifyToken();
        boolean tokenMatches = expected.isPresent() && token != null
                && Hmac.sameBytes(expected.get().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
        if (!"subscribe".equals(mode) || !tokenMatches || challenge == null || !CHALLENGE.matcher(challenge).matches()) {
            throw Refusal.notAllowed("webhook-verification-failed",
                    "Not a verification request this server accepts: hub.mode must be subscribe and hub.verify_token this app's.");
        }
        return Response.ok(challenge, MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).build();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(InputStream body, @HeaderParam("Content-Length") String contentLength,
                            @HeaderParam("X-Hub-Signature-256") String signature) {
        Receipt receipt;
        try {
            receipt = receipts.receive(RawBodies.read(body, contentLength, maxBytes), signature);
        } catch (Refusal e) {
            if (e.kind() != dev.salesbot.sync.problems.control.Refusal.Kind.OVERLOADED) { // refusals of a full intake have their own meter
                meters.webhookRejected("facebook");
            }
            throw e;
        }
        meters.webhookReceived("facebook", receipt.name());
        return Response.ok(Jsonp.createObjectBuilder().add("status", receipt.name().toLowerCase(Locale.ROOT)).build().toString(),
                MediaType.APPLICATION_JSON_TYPE).build();
    }
}
