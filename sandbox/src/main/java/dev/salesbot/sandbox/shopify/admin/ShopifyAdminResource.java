package dev.salesbot.sandbox.shopify.admin;

import dev.salesbot.sandbox.shopify.SandboxShopifyTokens;
import jakarta.inject.Inject;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * The simulated Admin GraphQL endpoint,
 * {@code POST /sandbox/shopify/{shop}/admin/api/{version}/graphql.json}: checks the version and
 * the {@code X-Shopify-Access-Token}, then hands the request to {@link AdminGraphql}. The answer's
 * {@code X-Shopify-API-Version} is the version asked for, or the one the sandbox falls forward to
 * ({@link ServedVersion}).
 */
@Path("shopify/{shop}/admin/api")
public class ShopifyAdminResource {

    static final String TOKEN_HEADER = "X-Shopify-Access-Token";

    @Inject
    SandboxShops shops;

    @Inject
    SandboxShopifyTokens tokens;

    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.core.UriInfo uriInfo;

    @POST
    @Path("{version}/graphql.json")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response graphql(@PathParam("shop") String shop, @PathParam("version") String version,
                            @HeaderParam(TOKEN_HEADER) String token, @HeaderParam("Content-Type") String contentType,
                            @HeaderParam("User-Agent") String userAgent, String body) {
        if (!AdminSchema.API_VERSION.equals(version)) {
            throw new NotFoundException();
        }
        var grant = tokens.validFor(shop, token)
                .orElseThrow(() -> new ShopifyApiException(401, "[API] Invalid API key or access token (unrecognized login or wrong password)"));
        AdminRequest request = AdminRequest.parse(contentType, body);
        AdminAnswer answer = shops.execute(shop, caller(userAgent), request.query(), request.variables(), request.operationName(),
                grant.scope(), uriInfo.getBaseUri());
        Response.ResponseBuilder response = Response.status(answer.status())
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8"))
                .header("X-Shopify-API-Version", shops.servedVersion().answering(version))
                .entity(JsonValues.write(answer.body()));
        answer.headers().forEach(response::header);
        return response.build();
    }

    /** Who called, as the stats record it: the {@code User-Agent}, printable ASCII, at most 100 characters. */
    static String caller(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "unknown";
        }
        String printable = userAgent.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 100 ? printable.substring(0, 100) : printable;
    }

    /** The request body: JSON {@code {query, variables, operationName}}, or a bare query as application/graphql. */
    record AdminRequest(String query, Map<String, Object> variables, String operationName) {

        @SuppressWarnings("unchecked")
        static AdminRequest parse(String contentType, String body) {
            if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/graphql")) {
                return new AdminRequest(body, Map.of(), null);
            }
            try {
                if (body != null && !body.isBlank() && JsonValues.parse(body) instanceof Map<?, ?> json
                        && json.get("query") instanceof String query) {
                    Object variables = json.get("variables");
                    if (variables instanceof String text && !text.isBlank()) {
                        variables = JsonValues.parse(text);
                    }
                    return new AdminRequest(query, variables instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of(),
                            json.get("operationName") instanceof String name ? name : null);
                }
            } catch (JsonParsingException e) {
                // answered below, as Shopify answers a body it cannot read
            }
            throw new ShopifyApiException(400, Map.of("query", "Required parameter missing or invalid"));
        }
    }

    /** A refusal before GraphQL runs, with the {@code {"errors": …}} body Shopify sends. */
    static final class ShopifyApiException extends WebApplicationException {
        ShopifyApiException(int status, Object errors) {
            super(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(JsonValues.write(Map.of("errors", errors))).build());
        }
    }
}
