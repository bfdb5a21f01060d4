package dev.salesbot.sync.shopify.boundary;

import dev.salesbot.sync.shopify.control.ShopifyConnect;
import dev.salesbot.sync.web.Html;

/** The page a merchant sees after connecting a store. */
final class ConnectedPage {

    private ConnectedPage() {
    }

    static String render(ShopifyConnect.Connected connected) {
        return Html.page("Store connected",
                "<h1>Store connected</h1>"
                        + "<p class=\"ok\"><strong>" + Html.escape(connected.shop().value()) + "</strong> is connected.</p>"
                        + "<table>"
                        + "<tr><th>Merchant id</th><td><code id=\"user-uuid\">" + connected.merchant() + "</code></td></tr>"
                        + "<tr><th>Granted access</th><td>" + Html.escape(connected.scope()) + "</td></tr>"
                        + "</table>"
                        + "<h2>Next</h2><p><a href=\"/facebook/login\">Connect your Facebook Pages</a> in this browser, "
                        + "so the bot answers on Messenger with this store's catalog.</p>");
    }
}
