package dev.salesbot.sync.shopify.control;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Shopify's Admin GraphQL endpoint as a MicroProfile Rest Client. Built per shop with
 * {@code RestClientBuilder} (the host differs per shop), so it carries no
 * {@code @RegisterRestClient}. The token is a header argument rather than a registered filter so
 * that one client can never send another shop's token.
 */
public interface AdminApi extends AutoCloseable {

    @POST
    @Path("/admin/api/{version}/graphql.json")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    JsonObject graphql(@PathParam("version") String version,
                       @HeaderParam("X-Shopify-Access-Token") String accessToken,
                       JsonObject body);
}
