package dev.salesbot.sync.shopify.graphql;

import dev.salesbot.sync.shopify.graphql.errors.ShopifyUnavailableException;
import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.shopify.entity.ShopAccess;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;

/**
 * {@link GraphqlTransport} over the application's one Jakarta REST {@link Client} ({@link GraphqlSessions}),
 * one per shop and fetch. The client is shared: building a client per fetch (as a MicroProfile
 * Rest Client per shop must, its base URI being the shop's host) initialised a whole client
 * runtime each time — about half of a poll's CPU time over many small stores. HTTP failures are
 * mapped by {@link HttpStatusMapper} without reading the body. Every answer's
 * {@value #VERSION_HEADER} goes to {@link AnsweredVersions}, which notices a fall-forward.
 */
final class HttpGraphqlTransport implements GraphqlTransport {

    static final String TOKEN_HEADER = "X-Shopify-Access-Token";
    /** The header naming the version Shopify answered in (https://shopify.dev/docs/api/usage/versioning). */
    static final String VERSION_HEADER = "X-Shopify-API-Version";

    private final String shop;
    private final String apiVersion;
    private final String accessToken;
    private final java.net.URI baseUri;
    private final Client client;
    private final AnsweredVersions versions;

    HttpGraphqlTransport(ShopAccess access, String apiVersion, Client client, AnsweredVersions versions) {
        // A version goes into the URL path: only Shopify's own shapes are accepted.
        if (apiVersion == null || !ShopifyApp.API_VERSION.matcher(apiVersion).matches()) {
            throw new IllegalArgumentException("SHOPIFY_API_VERSION is not a Shopify API version: " + apiVersion);
        }
        this.shop = access.shop();
        this.apiVersion = apiVersion;
        this.accessToken = access.accessToken();
        this.baseUri = access.baseUri();
        this.client = client;
        this.versions = versions;
    }

    @Override
    public JsonObject post(String query, JsonObject variables) {
        JsonObject body = Jsonp.createObjectBuilder().add("query", query).add("variables", variables).build();
        try (Response response = client.target(baseUri).path("admin/api").path(apiVersion).path("graphql.json")
                .request(MediaType.APPLICATION_JSON_TYPE)
                .header(TOKEN_HEADER, accessToken) // in a header only: never in the URL, a log line or a message
                .post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE))) {
            versions.answered(apiVersion, response.getHeaderString(VERSION_HEADER));
            if (response.getStatus() >= 400) {
                throw HttpStatusMapper.forStatus(response.getStatus(), response.getHeaderString("Retry-After"), Instant.now());
            }
            return response.readEntity(JsonObject.class);
        } catch (ProcessingException e) {
            // The cause names the host at most; the token travels only in a header.
            throw new ShopifyUnavailableException("Shopify Admin API unreachable for " + shop, e);
        }
    }

    @Override
    public void close() {
        // The client is the application's; nothing of this fetch stays open.
    }
}
