package dev.salesbot.sync.shopify.control;

import dev.salesbot.sync.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** {@link AdminTransport} over the MicroProfile Rest Client {@link AdminApi}, one per shop and fetch. */
final class RestAdminTransport implements AdminTransport {

    private static final System.Logger LOGGER = System.getLogger(RestAdminTransport.class.getName());
    // A version goes into the URL path: only Shopify's own shapes are accepted.
    private static final Pattern VERSION = Pattern.compile("^(\\d{4}-\\d{2}|unstable)$");

    private final String shop;
    private final String apiVersion;
    private final String accessToken;
    private final AdminApi api;

    RestAdminTransport(ShopAccess access, String apiVersion, Duration connectTimeout, Duration readTimeout) {
        if (apiVersion == null || !VERSION.matcher(apiVersion).matches()) {
            throw new IllegalArgumentException("SHOPIFY_API_VERSION is not a Shopify API version: " + apiVersion);
        }
        this.shop = access.shop();
        this.apiVersion = apiVersion;
        this.accessToken = access.accessToken();
        this.api = RestClientBuilder.newBuilder()
                .baseUri(access.baseUri())
                .register(AdminErrorMapper.class)
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .build(AdminApi.class);
    }

    @Override
    public JsonObject post(String query, JsonObject variables) {
        JsonObject body = Jsonp.createObjectBuilder().add("query", query).add("variables", variables).build();
        try {
            return api.graphql(apiVersion, accessToken, body);
        } catch (ProcessingException e) {
            // The cause names the host at most; the token travels only in a header.
            throw new ShopifyUnavailableException("Shopify Admin API unreachable for " + shop, e);
        }
    }

    @Override
    public void close() {
        try {
            api.close();
        } catch (Exception e) {
            LOGGER.log(System.Logger.Level.DEBUG, "Closing the Admin API client for {0} failed", shop);
        }
    }
}
