package dev.salesbot.sync.shopify.boundary;

import dev.salesbot.sync.shopify.control.ShopifyConnect;
import dev.salesbot.sync.sync.control.SyncOutcome;
import dev.salesbot.sync.web.Html;
import jakarta.json.JsonObject;

/** The page a merchant sees after connecting a store. */
final class ConnectedPage {

    private ConnectedPage() {
    }

    private static String snapshot(SyncOutcome upload) {
        StringBuilder html = new StringBuilder("<h2>Store snapshot</h2><p id=\"upload-status\" class=\"")
                .append(upload.result() != null ? "ok" : "problem").append("\">Status: <strong>")
                .append(Html.escape(upload.status())).append("</strong>")
                .append(upload.message() == null ? "" : " — " + Html.escape(upload.message())).append("</p>");
        if (upload.result() != null) {
            JsonObject s = upload.result().summary();
            html.append("<table id=\"snapshot\">")
                    .append(row("Products", s.getInt("products"))).append(row("Variants", s.getInt("variants")))
                    .append(row("Discounts", s.getInt("discounts"))).append(row("Collections", s.getInt("collections")))
                    .append("<tr><th>Written to</th><td><code>").append(Html.escape(s.getString("location")))
                    .append("</code></td></tr></table>");
        }
        return html.toString();
    }

    private static String row(String label, int count) {
        return "<tr><th>" + label + "</th><td>" + count + "</td></tr>";
    }

    static String render(ShopifyConnect.Connected connected) {
        return Html.page("Store connected",
                "<h1>Store connected</h1>"
                        + "<p class=\"ok\"><strong>" + Html.escape(connected.shop().value()) + "</strong> is connected.</p>"
                        + "<table>"
                        + "<tr><th>Merchant id</th><td><code id=\"user-uuid\">" + connected.merchant() + "</code></td></tr>"
                        + "<tr><th>Granted access</th><td>" + Html.escape(connected.scope()) + "</td></tr>"
                        + "</table>"
                        + snapshot(connected.upload())
                        + "<h2>Webhooks</h2><p id=\"webhook-test\" class=\""
                        + ("success".equals(connected.webhookTest().status()) ? "ok" : "problem") + "\">Test: <strong>"
                        + Html.escape(connected.webhookTest().status()) + "</strong>"
                        + (connected.webhookTest().message() == null ? " — changes in the store reach the bot within seconds."
                        : " — " + Html.escape(connected.webhookTest().message())) + "</p>"
                        + "<h2>Live read</h2><p id=\"polling-test\" class=\""
                        + ("success".equals(connected.pollingTest().status()) ? "ok" : "problem") + "\">Test: <strong>"
                        + Html.escape(connected.pollingTest().status()) + "</strong>"
                        + (connected.pollingTest().message() == null
                        ? " — read " + Html.escape(connected.pollingTest().shopName()) + " with its new access ("
                        + connected.pollingTest().productsCount() + " products); the daily poll will work."
                        : " — " + Html.escape(connected.pollingTest().message())) + "</p>"
                        + "<h2>Next</h2><p><a href=\"/facebook/login\">Connect your Facebook Pages</a> in this browser, "
                        + "so the bot answers on Messenger with this store's catalog.</p>");
    }
}
