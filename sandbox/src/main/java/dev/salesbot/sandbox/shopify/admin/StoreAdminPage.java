package dev.salesbot.sandbox.shopify.admin;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * A small stand-in for the Shopify admin's product list, so a person can see freshness end to end:
 * rename or re-price a product here and the store sends {@code products/update} to the app, whose
 * snapshot changes seconds later. {@code /sandbox/shopify/{shop}/admin/products}. Its <em>Open app</em> opens the
 * app from the admin ({@code dev.salesbot.sandbox.shopify.AdminAppLaunch}).
 */
@Path("shopify/{shop}/admin/products")
public class StoreAdminPage {

    static final int SHOWN = 50;

    @Inject
    SandboxShops shops;

    /** The app the page's "Open app" opens ({@code AdminAppLaunch}). */
    @Inject
    @ConfigProperty(name = "SANDBOX_SHOPIFY_API_KEY", defaultValue = "sandbox-shopify-app")
    String apiKey;

    @Context
    UriInfo uri;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list(@PathParam("shop") String shop, @QueryParam("saved") String saved) {
        SandboxShop store = shops.shop(shop);
        StringBuilder rows = new StringBuilder();
        int row = 0;
        for (CatalogProduct p : store.catalog().products().stream().limit(SHOWN).toList()) {
            String price = p.variants().isEmpty() ? "" : p.variants().get(0).price().toPlainString();
            rows.append("<tr><td><form method=\"post\" action=\"products/").append(p.id()).append("\">")
                    .append("<label>Title <input name=\"title\" id=\"title-").append(row).append("\" value=\"")
                    .append(esc(p.title())).append("\" size=\"40\"></label> ")
                    .append("<label>Price <input name=\"price\" id=\"price-").append(row).append("\" value=\"")
                    .append(esc(price)).append("\" size=\"8\"></label> ")
                    .append("<button type=\"submit\" id=\"save-").append(row++).append("\">Save</button></form></td><td><code>").append(Ids.gid("Product", p.id()))
                    .append("</code></td></tr>");
        }
        String notice = saved == null ? "" : "<p class=\"saved\">Saved product " + esc(saved)
                + ". Shopify sent <code>products/update</code> to every subscribed address.</p>";
        String openApp = "<p><a id=\"open-app\" href=\"" + esc(uri.getBaseUriBuilder().path("shopify").path(store.name()).path("admin/apps")
                .path(apiKey).build().toString()) + "\">Open app</a> — salesbot-sync, opened as the Shopify admin opens an "
                + "installed app (or installs it): a signed request to its App URL.</p>";
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Products · " + esc(store.name())
                + "</title><style>body{font-family:system-ui,sans-serif;margin:2rem;color:#202223}"
                + ".badge{background:#ffd79d;padding:.1rem .5rem;border-radius:3px;font-size:.8rem}"
                + ".saved{background:#e3f1df;padding:.5rem}td{padding:.3rem}</style></head><body>"
                + "<p class=\"badge\">Sandbox Shopify — no real store</p><h1>Products of " + esc(store.name()) + "</h1>"
                + openApp + notice + "<table>" + rows + "</table><p>The first " + SHOWN + " of " + store.catalog().products().size()
                + " products.</p></body></html>";
        return Response.ok(html.getBytes(StandardCharsets.UTF_8), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    @POST
    @Path("{id: \\d+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("shop") String shop, @PathParam("id") long id,
                         @FormParam("title") String title, @FormParam("price") String price) {
        BigDecimal newPrice;
        try {
            newPrice = price == null || price.isBlank() ? null : new BigDecimal(price.trim());
        } catch (NumberFormatException e) {
            return Response.status(400).type(MediaType.TEXT_PLAIN_TYPE).entity("The price must be a number.").build();
        }
        boolean found = new MerchantActions(shops.shop(shop))
                .edit(id, title == null || title.isBlank() ? null : title.trim(), newPrice, true).isPresent();
        if (!found) {
            return Response.status(404).type(MediaType.TEXT_PLAIN_TYPE).entity("No such product.").build();
        }
        return Response.seeOther(uri.getBaseUriBuilder().path("shopify").path(shop).path("admin/products")
                .queryParam("saved", Ids.gid("Product", id)).build()).build();
    }

    private static String esc(String s) {
        return SandboxHtml.escape(s);
    }
}
