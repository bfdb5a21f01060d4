package dev.salesbot.sync.shopify.oauth;

import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.shopify.entity.ShopDomain;
import dev.salesbot.sync.shopify.graphql.ShopifyApp;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Shopify's authorization-code grant: where to send the merchant, and the token endpoint calls
 * (code exchange asking for an expiring offline token, and refresh). Client secrets travel only
 * in request bodies, never in a URL.
 */
@ApplicationScoped
public class ShopifyOAuth {

    private static final System.Logger LOGGER = System.getLogger(ShopifyOAuth.class.getName());

    @Inject
    ShopifyApp app;

    Clock clock = Clock.systemUTC();

    public URI authorizeUri(ShopDomain shop, String state) {
        return UriBuilder.fromUri(app.baseUri(shop))
                .path("admin/oauth/authorize")
                .queryParam("client_id", app.apiKey())
                .queryParam("scope", app.scopes())
                .queryParam("redirect_uri", app.redirectUri())
                .queryParam("state", state)
                .build();
    }

    /**
     * Whether a store answers at {@code shop}: Shopify serves a myshopify.com address that no store
     * has with 404 "Sorry, this shop is currently unavailable." (a merchant's report:
     * https://github.com/christophergregory/shopify-node-api/issues/37), and the merchant would be
     * stranded on that page. So the install page's address is read once first, without following
     * redirects (an existing store answers its page or a redirect to the login). Only a 404 says
     * "no store": a timeout or any other answer lets the connect go on, as it would without the check.
     */
    public boolean storeExists(ShopDomain shop) {
        URI probe = UriBuilder.fromUri(app.baseUri(shop)).path("admin/oauth/authorize").queryParam("client_id", app.apiKey()).build();
        try {
            HttpResponse<Void> answer = PROBE.send(HttpRequest.newBuilder(probe)
                    .timeout(Duration.ofSeconds(3)).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() != 404;
        } catch (IOException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "Could not check that {0} exists ({1}); connecting anyway", shop, e.getMessage());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    // HTTP/1.1 as browsers speak over cleartext; no redirect followed: only the first answer counts.
    private static final HttpClient PROBE = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(3)).build();

    /** Exchanges a one-time code for an expiring offline token. */
    public OfflineToken exchange(ShopDomain shop, String code) {
        JsonObject request = credentials()
                .add("code", code)
                .add("expiring", "1")
                .build();
        return call(shop, request, "exchange the authorization code");
    }

    /** Trades a refresh token for a new access token (and a new refresh token: Shopify rotates it). */
    public OfflineToken refresh(ShopDomain shop, String refreshToken) {
        JsonObject request = credentials()
                .add("grant_type", "refresh_token")
                .add("refresh_token", refreshToken)
                .build();
        return call(shop, request, "refresh the access token");
    }

    private JsonObjectBuilder credentials() {
        return Jsonp.createObjectBuilder()
                .add("client_id", app.apiKey())
                .add("client_secret", app.apiSecret());
    }

    private OfflineToken call(ShopDomain shop, JsonObject request, String what) {
        ShopifyOAuthApi api = RestClientBuilder.newBuilder()
                .baseUri(app.baseUri(shop))
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .build(ShopifyOAuthApi.class);
        JsonObject answer;
        try {
            answer = api.accessToken(request);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            LOGGER.log(System.Logger.Level.WARNING, "Shopify token endpoint of {0} answered HTTP {1} when asked to {2}",
                    shop, status, what);
            throw new TokenEndpointFailed(status, "Shopify refused to " + what + " for " + shop + " (HTTP " + status + ")");
        } catch (ProcessingException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Shopify token endpoint of {0} unreachable: {1}", shop, e.getClass().getSimpleName());
            throw new TokenEndpointFailed(0, "Shopify's token endpoint for " + shop + " could not be reached to " + what);
        } finally {
            close(api);
        }
        return parse(shop, answer);
    }

    private OfflineToken parse(ShopDomain shop, JsonObject answer) {
        String token = answer == null ? null : answer.getString("access_token", null);
        if (token == null || token.isBlank()) {
            throw new TokenEndpointFailed(200, "Shopify's token endpoint for " + shop + " answered without an access token");
        }
        Instant now = clock.instant();
        return new OfflineToken(token, answer.getString("scope", ""),
                seconds(answer, "expires_in", now), answer.getString("refresh_token", null),
                seconds(answer, "refresh_token_expires_in", now));
    }

    private static Instant seconds(JsonObject answer, String field, Instant now) {
        JsonValue value = answer.get(field);
        return value instanceof JsonNumber n ? now.plusSeconds(n.longValue()) : null;
    }

    private static void close(Object client) {
        if (client instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing a finished client cannot lose anything
            }
        }
    }

    /** The token endpoint answered an error or could not be reached ({@code status} 0). */
    public static class TokenEndpointFailed extends RuntimeException {

        private final int status;

        public TokenEndpointFailed(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
