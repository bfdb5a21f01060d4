package dev.salesbot.sandbox.bench;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The yardstick of the webhook-receipt benchmark ({@code bench/webhooks.sh}): a JAX-RS POST on the
 * same server that reads the body and answers 200 with a constant, doing nothing else. What
 * {@code POST /shopify/webhook} costs beyond this is the price of checking and recording a delivery.
 */
@Path("_bench/ok")
public class TrivialEndpoint {

    private static final String OK = "{\"status\":\"ok\"}";

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public String ok(byte[] body) {
        return OK;
    }

    /** Also how a test harness knows the sandbox WAR is serving (Payara answers for the root WAR first). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String ready() {
        return OK;
    }
}
