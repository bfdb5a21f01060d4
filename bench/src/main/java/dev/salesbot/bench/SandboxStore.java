package dev.salesbot.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One sandbox store, reached over HTTP only: reseed it with a size and bucket, obtain an access
 * token through the sandbox's OAuth install and token exchange (as a merchant's install does),
 * and read the counters the sandbox kept. The token is returned to the caller, never printed.
 */
final class SandboxStore {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String shop;

    SandboxStore(URI base, String shop) {
        this.base = base;
        this.shop = shop;
    }

    URI adminEndpoint(String apiVersion) {
        return base.resolve("/sandbox/shopify/" + shop + "/admin/api/" + apiVersion + "/graphql.json");
    }

    /** Reseeds the store; the answer has the seeded counts (products, variants, discounts, collections). */
    JsonObject reseed(int products, int bucketSize, int restoreRate) {
        String body = Json.createObjectBuilder().add("products", products)
                .add("bucketSize", bucketSize).add("restoreRate", restoreRate).build().toString();
        JsonObject seeded = json(send(HttpRequest.newBuilder(control("")).PUT(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"), 200));
        send(HttpRequest.newBuilder(control("/stats/reset")).POST(HttpRequest.BodyPublishers.noBody()), 204);
        return seeded;
    }

    /** Sets the store's bulk-operation knobs; answers them with {@code runQueries} and {@code objects} so far. */
    JsonObject bulk(String knobs) {
        return json(send(HttpRequest.newBuilder(control("/bulk")).PUT(HttpRequest.BodyPublishers.ofString(knobs))
                .header("Content-Type", "application/json"), 200));
    }

    void resetStats() {
        send(HttpRequest.newBuilder(control("/stats/reset")).POST(HttpRequest.BodyPublishers.noBody()), 204);
    }

    JsonObject stats() {
        return json(send(HttpRequest.newBuilder(control("/stats")).GET(), 200));
    }

    /** Installs the app (the form the merchant submits) and exchanges the code for an offline token. */
    String accessToken(String clientId, String clientSecret) {
        return accessToken(clientId, clientSecret, "read_products,read_discounts");
    }

    /** As {@link #accessToken(String, String)}, granted {@code scope}. */
    String accessToken(String clientId, String clientSecret, String scope) {
        String install = form(Map.of("client_id", clientId, "scope", scope,
                "redirect_uri", "http://127.0.0.1/shopify/callback", "state", "bench"));
        HttpResponse<String> redirect = sendRaw(HttpRequest.newBuilder(oauth("authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(install)));
        String location = redirect.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("install answered " + redirect.statusCode() + " without a redirect"));
        String code = query(URI.create(location)).get("code");
        String exchange = form(Map.of("client_id", clientId, "client_secret", clientSecret, "code", code));
        JsonObject token = json(send(HttpRequest.newBuilder(oauth("access_token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(exchange)), 200));
        return token.getString("access_token");
    }

    private URI control(String suffix) {
        return base.resolve("/sandbox/shopify/_control/shops/" + shop + suffix);
    }

    private URI oauth(String endpoint) {
        return base.resolve("/sandbox/shopify/" + shop + "/admin/oauth/" + endpoint);
    }

    private String send(HttpRequest.Builder request, int expected) {
        HttpResponse<String> response = sendRaw(request);
        if (response.statusCode() != expected) {
            // The status only: an OAuth answer body may hold a token.
            throw new IllegalStateException(request.build().uri().getPath() + " answered " + response.statusCode());
        }
        return response.body();
    }

    private HttpResponse<String> sendRaw(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("sandbox unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(URI uri) {
        return java.util.Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> java.net.URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8)));
    }
}
