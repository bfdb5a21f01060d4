package dev.salesbot.sandbox.facebook;

import dev.salesbot.sandbox.SandboxHtml;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.nio.charset.StandardCharsets;

/**
 * A small stand-in for a Page's settings on Facebook, so a person can see freshness end to end:
 * rename a Page or change its phone here, Meta notifies the app's webhook, and the Page's
 * {@code page_data.json} changes seconds later. {@code /sandbox/facebook/www/pages}.
 */
@Path("facebook/www/pages")
public class PageSettingsPage {

    @Inject
    FacebookSandbox sandbox;

    @Context
    UriInfo uri;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list(@QueryParam("saved") String saved) {
        StringBuilder rows = new StringBuilder();
        for (SandboxPage page : sandbox.world().pages()) {
            rows.append("<tr><td><form method=\"post\" action=\"pages/").append(esc(page.id())).append("\">")
                    .append("<label>Name <input name=\"name\" value=\"").append(esc(page.name())).append("\" size=\"36\"></label> ")
                    .append("<label>Phone <input name=\"phone\" value=\"").append(esc(page.phone())).append("\" size=\"18\"></label> ")
                    .append("<button type=\"submit\">Save</button></form></td><td><code>").append(esc(page.id()))
                    .append("</code></td></tr>");
        }
        String notice = saved == null ? "" : "<p class=\"saved\">Saved Page " + esc(saved)
                + ". Facebook notified the app's webhook of each changed field.</p>";
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Pages · sandbox Facebook</title>"
                + "<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1c1e21}"
                + ".badge{background:#ffd79d;padding:.1rem .5rem;border-radius:3px;font-size:.8rem}"
                + ".saved{background:#e3f1df;padding:.5rem}td{padding:.3rem}</style></head><body>"
                + "<p class=\"badge\">Sandbox Facebook — no real Page</p><h1>Pages of " + esc(FacebookWorld.USER_NAME) + "</h1>"
                + notice + "<table>" + rows + "</table></body></html>";
        return Response.ok(html.getBytes(StandardCharsets.UTF_8), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    @POST
    @Path("{pageId: \\d+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("pageId") String pageId, @FormParam("name") String name, @FormParam("phone") String phone) {
        boolean found = true;
        if (name != null && !name.isBlank()) {
            found = sandbox.updatePage(pageId, "name", name.trim());
        }
        if (found && phone != null && !phone.isBlank()) {
            found = sandbox.updatePage(pageId, "phone", phone.trim());
        }
        if (!found) {
            return Response.status(404).type(MediaType.TEXT_PLAIN_TYPE).entity("No such Page.").build();
        }
        return Response.seeOther(uri.getBaseUriBuilder().path("facebook/www/pages").queryParam("saved", pageId).build()).build();
    }

    private static String esc(String s) {
        return SandboxHtml.escape(s);
    }
}
