package dev.salesbot.sync.shopify.boundary;

import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.shopify.webhooks.ShopifyWebhookReceipts;
import dev.salesbot.sync.webhooks.boundary.RawBodies;
import dev.salesbot.sync.webhooks.control.Receipt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.InputStream;
import java.util.Locale;

/**
 * Shopify's webhooks, every topic at one address: the raw body (capped at {@code WEBHOOK_MAX_BYTES})
 * goes to {@link ShopifyWebhookReceipts}, which verifies it before anything parses it. Accepted,
 * repeated, dropped and ignored deliveries are all answered 200 once recorded (with the deliveries
 * that arrived at the same moment: group commit); the work happens after. A delivery the server
 * cannot record in time (intake full) is answered 503 with {@code Retry-After}, and Shopify sends
 * it again.
 *
 * <p>One instance for the application: a resource made per request (JAX-RS's default) has its fields
 * injected on every delivery, the configured maximum looked up again each time — at a sale's rate that
 * costs more than checking the delivery itself. It holds no state of a request.
 */
@ApplicationScoped
@Path("shopify/webhook")
public class ShopifyWebhookResource {

    @Inject
    ShopifyWebhookReceipts receipts;

    @Inject
    dev.salesbot.sync.monitoring.control.Meters meters;

    @Inject
    @ConfigProperty(name = "WEBHOOK_MAX_BYTES", defaultValue = "1048576")
    int maxBytes;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(InputStream body,
                            @HeaderParam("Content-Length") String contentLength,
                            @HeaderParam("X-Shopify-Hmac-Sha256") String hmac,
                            @HeaderParam("X-Shopify-Topic") String topic,
                            @HeaderParam("X-Shopify-Shop-Domain") String shop,
                            @HeaderParam("X-Shopify-Webhook-Id") String webhookId,
                            @HeaderParam("X-Shopify-Triggered-At") String triggeredAt) {
        Receipt receipt;
        try {
            byte[] raw = RawBodies.read(body, contentLength, maxBytes);
            receipt = receipts.receive(new ShopifyWebhookReceipts.Incoming(raw, hmac, topic, shop, webhookId, triggeredAt));
        } catch (dev.salesbot.sync.problems.control.Refusal e) {
            if (e.kind() != dev.salesbot.sync.problems.control.Refusal.Kind.OVERLOADED) { // refusals of a full intake have their own meter
                meters.webhookRejected("shopify");
            }
            throw e;
        }
        meters.webhookReceived("shopify", receipt.name());
        return Response.ok(Jsonp.createObjectBuilder().add("status", receipt.name().toLowerCase(Locale.ROOT)).build().toString(),
                MediaType.APPLICATION_JSON_TYPE).build();
    }
}
