package dev.salesbot.sync.web.boundary;

import dev.salesbot.sync.web.Html;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The page merchants are sent to: what the product does, and a form to connect a store. */
@Path("")
public class StartPage {

    private static final String BODY = """
            <h1>Connect your store to your Messenger sales bot</h1>
            <p>salesbot-sync keeps your sales bot's knowledge of your shop fresh: products, variants,
            prices, inventory, discount codes and collections from Shopify, and your Facebook Pages'
            details. Connecting writes the bot's snapshot; connecting again refreshes it, uploading only
            what changed.</p>
            <h2>1. Connect Shopify</h2>
            <form method="get" action="/shopify/connect" id="connect-shopify">
              <label for="shop">Store</label>
              <input type="text" id="shop" name="shop" placeholder="your-store or your-store.myshopify.com"
                     required pattern="[A-Za-z0-9][A-Za-z0-9\\-]*(\\.myshopify\\.com)?" autocomplete="off">
              <button type="submit">Connect Shopify</button>
            </form>
            <p class="muted">You will be asked by Shopify to approve read access to your products,
            inventory and discounts. Your store's access token stays on our server, encrypted.</p>
            <h2>2. Connect Facebook Pages</h2>
            <p><a href="/facebook/login">Connect Facebook Pages</a> after your store is connected, in this same browser.</p>
            """;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String show() {
        return Html.page("Connect your store", BODY);
    }
}
