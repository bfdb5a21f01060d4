package dev.salesbot.sandbox.shopify;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Shopify's OAuth endpoints as a shop serves them: the install page, the redirect back to the
 * app with {@code code, hmac, host, shop, state, timestamp}, and the token endpoint.
 */
@Path("shopify/{shop}/admin/oauth")
public class SandboxShopifyOAuth {

    @Inject
    SandboxApp registered;

    @Inject
    SandboxOAuthGrants grants;

    @GET
    @Path("authorize")
    @Produces(MediaType.TEXT_HTML)
    public Response authorize(@PathParam("shop") String shop, @QueryParam("client_id") String clientId,
                              @QueryParam("scope") String scope, @QueryParam("redirect_uri") String redirectUri,
                              @QueryParam("state") String state) {
        if (registered.wellFormed(shop) && !registered.exists(shop)) {
            return Response.status(404).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(InstallPage.error("Sorry, this shop is currently unavailable.").getBytes(StandardCharsets.UTF_8)).build();
        }
        String refusal = refusal(shop, clientId, redirectUri);
        if (refusal != null) {
            return refused(refusal);
        }
        return Response.ok(InstallPage.render(shop, clientId, scope, redirectUri, state)).build();
    }

    @POST
    @Path("authorize")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response install(@PathParam("shop") String shop, @FormParam("client_id") String clientId,
                            @FormParam("scope") String scope, @FormParam("redirect_uri") String redirectUri,
                            @FormParam("state") String state) {
        String refusal = refusal(shop, clientId, redirectUri);
        if (refusal != null) {
            return refused(refusal);
        }
        Map<String, String> params = new TreeMap<>();
        params.put("code", grants.newCode(shop, clientId, scope == null ? "" : scope));
        params.put("host", QuerySignatures.host(shop));
        params.put("shop", shop);
        params.put("state", state == null ? "" : state);
        params.put("timestamp", Long.toString(Instant.now().getEpochSecond()));
        UriBuilder back = UriBuilder.fromUri(redirectUri);
        QuerySignatures.signed(params, registered.apiSecret()).forEach(back::queryParam);
        return Response.status(302).location(back.build()).build();
    }

    @POST
    @Path("access_token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response accessTokenForm(@PathParam("shop") String shop, MultivaluedMap<String, String> form) {
        Map<String, String> fields = new HashMap<>();
        form.forEach((k, v) -> fields.put(k, v.isEmpty() ? null : v.get(0)));
        return token(shop, fields);
    }

    @POST
    @Path("access_token")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response accessTokenJson(@PathParam("shop") String shop, JsonObject body) {
        Map<String, String> fields = new HashMap<>();
        body.forEach((k, v) -> fields.put(k, v instanceof JsonString s ? s.getString()
                : v.getValueType() == JsonValue.ValueType.NULL ? null : v.toString()));
        return token(shop, fields);
    }

    private Response token(String shop, Map<String, String> fields) {
        SandboxOAuthGrants.Answer answer;
        if (!registered.exists(shop)) {
            answer = SandboxOAuthGrants.error(404, "not_found", "No such shop.");
        } else if (!registered.apiKey().equals(fields.get("client_id")) || !MessageDigest.isEqual(
                registered.apiSecret().getBytes(StandardCharsets.UTF_8),
                String.valueOf(fields.get("client_secret")).getBytes(StandardCharsets.UTF_8))) {
            answer = SandboxOAuthGrants.error(401, "invalid_client", "Client authentication failed.");
        } else {
            answer = grants.tokenRequest(shop, fields);
        }
        return Response.status(answer.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(answer.body().toString()).build();
    }

    /** Bytes, not a String: RESTEasy (WildFly) HTML-escapes String entities of 400 text/html answers. */
    private static Response refused(String refusal) {
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(InstallPage.error(refusal).getBytes(StandardCharsets.UTF_8)).build();
    }

    private String refusal(String shop, String clientId, String redirectUri) {
        if (!registered.wellFormed(shop)) {
            return "There is no shop called " + shop + ".";
        }
        if (!registered.apiKey().equals(clientId)) {
            return "Oauth error invalid_request: The client_id is not a known app.";
        }
        if (redirectUri == null || !(redirectUri.startsWith("http://") || redirectUri.startsWith("https://"))) {
            return "Oauth error invalid_request: The redirect_uri is missing or not an absolute http(s) URL.";
        }
        return null;
    }
}
