package dev.salesbot.sync.shopify.oauth;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Shopify's OAuth token endpoint, as a MicroProfile Rest Client. Built per shop with
 * {@code RestClientBuilder} because the host is the shop's own. No class-level {@code @Path}: the
 * JAX-RS runtime would take the interface for a resource of ours.
 */
public interface ShopifyOAuthApi {

    @POST
    @Path("/admin/oauth/access_token")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    JsonObject accessToken(JsonObject request);
}
