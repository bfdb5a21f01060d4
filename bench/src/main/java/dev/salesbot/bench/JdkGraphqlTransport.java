package dev.salesbot.bench;

import dev.salesbot.sync.shopify.graphql.GraphqlTransport;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyThrottledException;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyUnauthorizedException;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyUnavailableException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The benchmark's stand-in for {@code HttpGraphqlTransport}: the product's Jakarta REST client comes
 * from the server, so this posts the same body with the same header over {@link HttpClient}. Kept a thin
 * adapter on purpose: everything measured (pacing, paging, merging, serialising) is product code.
 */
final class JdkGraphqlTransport implements GraphqlTransport {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI endpoint;
    private final String accessToken;

    JdkGraphqlTransport(URI endpoint, String accessToken) {
        this.endpoint = endpoint;
        this.accessToken = accessToken;
    }

    @Override
    public JsonObject post(String query, JsonObject variables) {
        String body = Json.createObjectBuilder().add("query", query).add("variables", variables).build().toString();
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Access-Token", accessToken)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new ShopifyUnavailableException("sandbox Admin API unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShopifyUnavailableException("interrupted", e);
        }
        int status = response.statusCode();
        // The same mapping as the product's HttpStatusMapper.
        if (status == 401 || status == 403) {
            throw new ShopifyUnauthorizedException("sandbox refused the token: " + status);
        }
        if (status == 429) {
            throw new ShopifyThrottledException("HTTP 429", null);
        }
        if (status >= 500) {
            throw new ShopifyUnavailableException("HTTP " + status);
        }
        try (InputStream in = response.body(); JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        } catch (IOException e) {
            throw new ShopifyUnavailableException("reading the answer failed", e);
        }
    }
}
