package dev.salesbot.sync.facebook.boundary;

import dev.salesbot.sync.facebook.callbacks.MetaCallbacks;
import dev.salesbot.sync.facebook.entity.FacebookDataDeletion;
import dev.salesbot.sync.facebook.graph.FacebookApp;
import dev.salesbot.sync.facebook.sync.DataDeletions;
import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.web.Html;
import dev.salesbot.sync.web.Negotiation;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The URLs entered in the Meta app dashboard: the Deauthorize callback
 * ({@code POST /facebook/deauthorize}), the Data Deletion callback ({@code POST /facebook/data-deletion},
 * answering Meta's {@code {"url", "confirmation_code"}}) and the status page that URL points at
 * ({@code GET /facebook/data-deletion/{code}}).
 */
@Path("facebook")
public class MetaCallbackResource {

    @Inject
    MetaCallbacks callbacks;

    @Inject
    DataDeletions deletions;

    @Inject
    FacebookApp app;

    @Context
    HttpHeaders headers;

    @POST
    @Path("deauthorize")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public String deauthorize(@FormParam("signed_request") String signedRequest) {
        int pages = callbacks.deauthorize(signedRequest);
        return Jsonp.createObjectBuilder().add("status", "deauthorized").add("pages", pages).build().toString();
    }

    @POST
    @Path("data-deletion")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public String requestDeletion(@FormParam("signed_request") String signedRequest) {
        String code = callbacks.requestDeletion(signedRequest);
        return Jsonp.createObjectBuilder().add("url", statusUrl(code)).add("confirmation_code", code).build().toString();
    }

    @GET
    @Path("data-deletion/{code}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    public Response status(@PathParam("code") String code) {
        FacebookDataDeletion deletion = deletions.status(code)
                .orElseThrow(() -> new NotFoundException("No data-deletion request has this confirmation code."));
        String status = deletion.done() ? "done" : "pending";
        if (Negotiation.prefersHtml(headers)) {
            String body = "<h1>Data deletion " + Html.escape(deletion.code()) + "</h1><p id=\"status\">Status: <strong>"
                    + status + "</strong></p><p>" + (deletion.done()
                    ? "Every Facebook Page you connected and its stored data (" + deletion.pages() + ") has been deleted"
                    + (deletion.completedAt() == null ? "." : " (" + Html.escape(deletion.completedAt().toString()) + ").")
                    : deletion.pagesDeleted() + " of " + deletion.pages() + " Page(s) deleted so far; the rest follows automatically.")
                    + "</p><p>Requested " + Html.escape(deletion.requestedAt().toString()) + ".</p>";
            return Response.ok(Html.page("Data deletion", body), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        JsonObjectBuilder json = Jsonp.createObjectBuilder().add("confirmation_code", deletion.code()).add("status", status)
                .add("pages", deletion.pages()).add("pages_deleted", deletion.pagesDeleted())
                .add("requested_at", deletion.requestedAt().toString());
        if (deletion.completedAt() != null) {
            json.add("completed_at", deletion.completedAt().toString());
        }
        return Response.ok(json.build().toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private String statusUrl(String code) {
        return app.publicBase() + "/facebook/data-deletion/" + code;
    }
}
