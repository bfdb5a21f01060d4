package dev.salesbot.sandbox.shopify;

import dev.salesbot.sandbox.SandboxJson;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Test controls for the simulated Shopify's OAuth: make the token endpoint fail, shorten token
 * lifetimes, and see how many token calls a shop received and which tokens it issued (so a test
 * can prove the product leaks none of them).
 */
@Path("shopify/_control/oauth")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxShopifyControl {

    @Inject
    SandboxOAuthGrants grants;

    @Inject
    SandboxShopifyTokens tokens;

    @Inject
    SandboxTokenLedger ledger;

    /**
     * Body: {@code {"tokenStatus": 401|500|0, "count": 1, "accessTokenTtlSeconds": 3600,
     * "grantedScope": "read_products", "dropAnswers": 1}}, each optional.
     */
    @PUT
    @Path("shops/{shop}/faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject faults(@PathParam("shop") String shop, JsonObject body) {
        grants.setFaults(shop, body.getInt("tokenStatus", 0), body.getInt("count", 1),
                body.getJsonNumber("accessTokenTtlSeconds") == null ? 3600 : body.getJsonNumber("accessTokenTtlSeconds").longValue(),
                body.getString("grantedScope", null), body.getInt("dropAnswers", 0));
        return stats(shop);
    }

    /**
     * The shop's every issued access and refresh token stops working, silently (no webhook), as when
     * a staff member revokes the app's access or Shopify invalidates its credentials: the Admin API
     * then answers 401 "Invalid API key or access token"
     * (https://shopify.dev/docs/api/usage/response-codes), and refreshing answers 400.
     */
    @POST
    @Path("shops/{shop}/revoke-tokens")
    public JsonObject revokeTokens(@PathParam("shop") String shop) {
        return SandboxJson.JSON.createObjectBuilder().add("tokensRevoked", ledger.revokeShop(shop)).build();
    }

    /** Body {@code {"scope": "read_discounts"}}: the shop's issued tokens lose that scope, as if the merchant narrowed the app's access. */
    @POST
    @Path("shops/{shop}/revoke-scope")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject revokeScope(@PathParam("shop") String shop, JsonObject body) {
        String scope = body.getString("scope", "");
        if (!scope.matches("(read|write)_[a-z_]+")) {
            throw new jakarta.ws.rs.BadRequestException("scope must be an access scope such as read_discounts");
        }
        return SandboxJson.JSON.createObjectBuilder().add("tokensChanged", ledger.revokeScope(shop, scope)).build();
    }

    /**
     * Tokens an earlier sandbox process issued, which Shopify would still honour: Shopify keeps the
     * tokens it issued whatever happens to a test's processes (the upgrade test: tokens release
     * 0.1.0's run issued). Body {@code {"accessToken", "refreshToken", "scope", "expiresAt",
     * "refreshTokenExpiresAt"}} (ISO-8601 instants; the refresh token and the times optional).
     */
    @POST
    @Path("shops/{shop}/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject restoreTokens(@PathParam("shop") String shop, JsonObject body) {
        String scope = body.getString("scope");
        ledger.put(SandboxTokenLedger.Kind.ACCESS, body.getString("accessToken"),
                new SandboxTokenLedger.Grant(shop, scope, instant(body, "expiresAt")));
        if (body.get("refreshToken") instanceof JsonString refresh) {
            ledger.put(SandboxTokenLedger.Kind.REFRESH, refresh.getString(),
                    new SandboxTokenLedger.Grant(shop, scope, instant(body, "refreshTokenExpiresAt")));
        }
        return stats(shop);
    }

    private static java.time.Instant instant(JsonObject body, String key) {
        return body.get(key) instanceof JsonString s ? java.time.Instant.parse(s.getString()) : null;
    }

    @GET
    @Path("shops/{shop}/stats")
    public JsonObject stats(@PathParam("shop") String shop) {
        JsonArrayBuilder issued = SandboxJson.JSON.createArrayBuilder();
        tokens.issuedFor(shop).forEach(issued::add);
        return SandboxJson.JSON.createObjectBuilder()
                .add("tokenRequests", grants.tokenRequests(shop))
                .add("issuedTokens", issued)
                .build();
    }
}
