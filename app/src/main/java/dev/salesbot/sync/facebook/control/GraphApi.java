package dev.salesbot.sync.facebook.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
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
 * User and Page tokens go in the {@code Authorization} header, never in a URL; only the token
 * endpoint takes the app secret and a code or short-lived token as query parameters, because
 * that is the only form Graph accepts there — which is why request URLs are never logged.
 * No class-level {@code @Path}: the JAX-RS runtime would take the interface for a resource of ours.
 */
@Produces(MediaType.APPLICATION_JSON)
public interface GraphApi {

    @GET
    @Path("/{version}/oauth/access_token")
    Response exchangeCode(@PathParam("version") String version,
                          @QueryParam("client_id") String clientId,
                          @QueryParam("client_secret") String clientSecret,
                          @QueryParam("redirect_uri") String redirectUri,
                          @QueryParam("code") String code);

    @GET
    @Path("/{version}/oauth/access_token")
    Response exchangeToken(@PathParam("version") String version,
                           @QueryParam("grant_type") String grantType,
                           @QueryParam("client_id") String clientId,
                           @QueryParam("client_secret") String clientSecret,
                           @QueryParam("fb_exchange_token") String shortLivedToken);

    @GET
    @Path("/{version}/me/permissions")
    Response permissions(@PathParam("version") String version,
                         @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/{version}/me/accounts")
    Response accounts(@PathParam("version") String version,
                      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                      @QueryParam("fields") String fields,
                      @QueryParam("limit") int limit,
                      @QueryParam("after") String after);

    @GET
    @Path("/{version}/{pageId}")
    Response page(@PathParam("version") String version,
                  @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                  @PathParam("pageId") String pageId,
                  @QueryParam("fields") String fields);

    @POST
    @Path("/{version}/{pageId}/subscribed_apps")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Response subscribe(@PathParam("version") String version,
                       @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                       @PathParam("pageId") String pageId,
                       @FormParam("subscribed_fields") String subscribedFields);
}
