package dev.salesbot.sandbox.facebook;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * The simulated Login dialog ({@code FACEBOOK_DIALOG_BASE_URL} = {@code .../sandbox/facebook/www}):
 * the consent page, and the form it posts, which answers with Facebook's 302 to the redirect URI.
 */
@Path("facebook/www/{version: v\\d+\\.\\d+}/dialog/oauth")
public class DialogResource {

    @Inject
    FacebookSandbox sandbox;

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public String show(@PathParam("version") String version,
                       @QueryParam("client_id") String clientId,
                       @QueryParam("redirect_uri") String redirectUri,
                       @QueryParam("state") String state,
                       @QueryParam("scope") String scope,
                       @QueryParam("response_type") String responseType) {
        return sandbox.showDialog(new DialogRequest(version, clientId, redirectUri, state, scope, responseType));
    }

    @POST
    @Path("confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(MultivaluedMap<String, String> form) {
        return Response.status(Response.Status.FOUND).location(sandbox.decide(DialogDecision.fromForm(form))).build();
    }
}
