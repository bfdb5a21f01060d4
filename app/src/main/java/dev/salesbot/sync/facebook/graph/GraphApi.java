package dev.salesbot.sync.facebook.graph;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The slice of the Graph API the connect and the Page sync use, as a MicroProfile Rest Client built
 * by {@link GraphClient} on {@code FACEBOOK_GRAPH_BASE_URL}. Answers are raw {@link Response}s so
 * that usage headers and Graph's error bodies are read on every answer, errors included.
 * User, Page and app tokens go in the {@code Authorization} header, never in a URL; every call with a
 * user or Page token carries its {@code appsecret_proof} (a hash of the token keyed with the app
 * secret, not a secret itself), so the app works with "Require App Secret" switched on. The token endpoint
 * is called with POST and a form body (RFC 6749 §3.2 has token endpoints take POST; Graph accepts
 * its parameters there as in the query), so the app secret, codes and short-lived tokens never
 * travel in a URL either.
 * No class-level {@code @Path}: the JAX-RS runtime would take the interface for a resource of ours.
 */
@Produces(MediaType.APPLICATION_JSON)
public interface GraphApi {

    @POST
    @Path("/{version}/oauth/access_token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Response exchangeCode(@PathParam("version") String version,
                          @FormParam("client_id") String clientId,
                          @FormParam("client_secret") String clientSecret,
                          @FormParam("redirect_uri") String redirectUri,
                          @FormParam("code") String code);

    @POST
    @Path("/{version}/oauth/access_token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Response exchangeToken(@PathParam("version") String version,
                           @FormParam("grant_type") String grantType,
                           @FormParam("client_id") String clientId,
                           @FormParam("client_secret") String clientSecret,
                           @FormParam("fb_exchange_token") String shortLivedToken);

    /** An app access token ({@code grant_type=client_credentials}), for the app's own edges. */
    @POST
    @Path("/{version}/oauth/access_token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Response appToken(@PathParam("version") String version,
                      @FormParam("grant_type") String grantType,
                      @FormParam("client_id") String clientId,
                      @FormParam("client_secret") String clientSecret);

    @GET
    @Path("/{version}/me")
    Response me(@PathParam("version") String version,
                @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                @QueryParam("fields") String fields,
                @QueryParam("appsecret_proof") String proof);

    @GET
    @Path("/{version}/me/permissions")
    Response permissions(@PathParam("version") String version,
                         @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                         @QueryParam("appsecret_proof") String proof);

    @GET
    @Path("/{version}/me/accounts")
    Response accounts(@PathParam("version") String version,
                      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                      @QueryParam("fields") String fields,
                      @QueryParam("limit") int limit,
                      @QueryParam("after") String after,
                      @QueryParam("appsecret_proof") String proof);

    @GET
    @Path("/{version}/{pageId}")
    Response page(@PathParam("version") String version,
                  @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                  @PathParam("pageId") String pageId,
                  @QueryParam("fields") String fields,
                  @QueryParam("appsecret_proof") String proof);

    @GET
    @Path("/{version}/{pageId}/subscribed_apps")
    Response subscribedApps(@PathParam("version") String version,
                            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                            @PathParam("pageId") String pageId,
                            @QueryParam("appsecret_proof") String proof);

    @POST
    @Path("/{version}/{pageId}/subscribed_apps")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Response subscribe(@PathParam("version") String version,
                       @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                       @PathParam("pageId") String pageId,
                       @FormParam("subscribed_fields") String subscribedFields,
                       @FormParam("appsecret_proof") String proof);

    /** https://developers.facebook.com/docs/graph-api/reference/page/subscribed_apps/#delete */
    @DELETE
    @Path("/{version}/{pageId}/subscribed_apps")
    Response unsubscribe(@PathParam("version") String version,
                         @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                         @PathParam("pageId") String pageId,
                         @QueryParam("appsecret_proof") String proof);

    /** The app's webhook subscriptions; app token only. */
    @GET
    @Path("/{version}/{appId}/subscriptions")
    Response appSubscriptions(@PathParam("version") String version,
                              @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                              @PathParam("appId") String appId);

    @POST
    @Path("/{version}/{appId}/subscriptions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Response subscribeApp(@PathParam("version") String version,
                          @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                          @PathParam("appId") String appId,
                          @FormParam("object") String object,
                          @FormParam("callback_url") String callbackUrl,
                          @FormParam("verify_token") String verifyToken,
                          @FormParam("fields") String fields,
                          @FormParam("include_values") String includeValues);
}
