package dev.salesbot.sandbox.facebook;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The simulated Graph API ({@code FACEBOOK_GRAPH_BASE_URL} = {@code .../sandbox/facebook/graph}).
 * Only translates HTTP to {@link GraphRequest} and {@link GraphAnswer} back; the rules live in
 * {@link FacebookSandbox} and below.
 */
@Path("facebook/graph/{version: v\\d+\\.\\d+}")
@Produces(MediaType.APPLICATION_JSON)
public class GraphResource {

    @Inject
    FacebookSandbox sandbox;

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @PathParam("version")
    String version;

    /** A multi-id read ({@code ?ids=}): refused under v27's rules, not simulated otherwise. */
    @GET
    public Response root() {
        return send(sandbox.root(request()));
    }

    @GET
    @Path("oauth/access_token")
    public Response accessToken() {
        return send(sandbox.accessToken("GET", request()));
    }

    /** The same endpoint with its parameters in a form body, as OAuth token endpoints take them (RFC 6749 §3.2). */
    @POST
    @Path("oauth/access_token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response accessTokenWithForm(MultivaluedMap<String, String> form) {
        return send(sandbox.accessToken("POST", GraphRequest.of(version, merged(form), null, null, authorization())));
    }

    @GET
    @Path("me")
    public Response me() {
        return send(sandbox.me(request()));
    }

    @GET
    @Path("me/accounts")
    public Response accounts() {
        String graphBase = uriInfo.getBaseUriBuilder().path("facebook/graph").build().toString();
        return send(sandbox.accounts(request(), graphBase.replaceAll("/+$", "")));
    }

    @GET
    @Path("me/permissions")
    public Response permissions() {
        return send(sandbox.permissions(request()));
    }

    @GET
    @Path("{pageId}")
    public Response page(@PathParam("pageId") String pageId) {
        return send(sandbox.page(request(), pageId));
    }

    @GET
    @Path("{pageId}/subscribed_apps")
    public Response subscribedApps(@PathParam("pageId") String pageId) {
        return send(sandbox.subscribedApps(request(), pageId));
    }

    @POST
    @Path("{pageId}/subscribed_apps")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response subscribeWithForm(@PathParam("pageId") String pageId, MultivaluedMap<String, String> form) {
        return send(sandbox.subscribe(GraphRequest.of(version, merged(form), null, null, authorization()), pageId));
    }

    @POST
    @Path("{pageId}/subscribed_apps")
    public Response subscribe(@PathParam("pageId") String pageId, String body) {
        return send(sandbox.subscribe(request(body), pageId));
    }

    @DELETE
    @Path("{pageId}/subscribed_apps")
    public Response unsubscribe(@PathParam("pageId") String pageId) {
        return send(sandbox.unsubscribe(request(), pageId));
    }

    @GET
    @Path("{appId}/subscriptions")
    public Response appSubscriptions(@PathParam("appId") String appId) {
        return send(sandbox.appSubscriptions(request(), appId));
    }

    @POST
    @Path("{appId}/subscriptions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response subscribeApp(@PathParam("appId") String appId, MultivaluedMap<String, String> form) {
        return send(sandbox.subscribeApp(GraphRequest.of(version, merged(form), null, null, authorization()), appId));
    }

    @DELETE
    @Path("{appId}/subscriptions")
    public Response unsubscribeApp(@PathParam("appId") String appId) {
        return send(sandbox.unsubscribeApp(request(), appId));
    }

    /** Query parameters and form fields together: Graph reads a parameter from either place. */
    private MultivaluedMap<String, String> merged(MultivaluedMap<String, String> form) {
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>(uriInfo.getQueryParameters());
        form.forEach(params::put);
        return params;
    }

    private GraphRequest request() {
        return request(null);
    }

    private GraphRequest request(String body) {
        MediaType type = headers.getMediaType();
        return GraphRequest.of(version, uriInfo.getQueryParameters(), type == null ? null : type.toString(),
                body, authorization());
    }

    private String authorization() {
        return headers.getHeaderString(HttpHeaders.AUTHORIZATION);
    }

    private static Response send(GraphAnswer answer) {
        Response.ResponseBuilder response = Response.status(answer.status())
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(answer.body().toString());
        answer.headers().forEach(response::header);
        return response.build();
    }
}
