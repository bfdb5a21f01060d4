package dev.salesbot.sync.shopify.boundary;

import dev.salesbot.sync.account.boundary.ConnectionBoxes;
import dev.salesbot.sync.account.control.AccountConnection;
import dev.salesbot.sync.account.control.ConnectionChecks;
import dev.salesbot.sync.queue.control.SyncOutcome;
import dev.salesbot.sync.shopify.connect.ShopifyConnect;
import dev.salesbot.sync.web.Html;
import jakarta.json.JsonObject;

import java.util.List;

/**
 * The page a merchant sees after connecting a store: what was connected, the bot's copy (counts,
 * or a progress bar that follows the first sync), and the tutorial's three results
 * ({@code upload_status}, {@code webhook_test}, {@code polling_test}) in words. The first two
 * follow the sync with the state ({@link ConnectionChecks}): pending ones are marked for the script.
 */
final class StoreConnectedView {

    private StoreConnectedView() {
    }

    static String render(ShopifyConnect.Connected connected, List<AccountConnection> store) {
        String shop = Html.escape(connected.shop().value());
        String body = Html.steps(1)
                + "<h1>Your store is connected</h1>"
                + "<p class=\"ok\"><strong>" + shop + "</strong> is connected. The bot reads its catalog with read-only access ("
                + Html.escape(connected.scope().replace(",", ", ")) + ").</p>"
                + ConnectionBoxes.live(store)
                + "<h2>Checks</h2><dl>"
                + ConnectionBoxes.check("upload-status", "upload_status", "The bot's copy", upload(connected.upload()),
                ConnectionBoxes.style(connected.upload().status()), connected.upload().status(), connected.shop().value())
                + ConnectionBoxes.check("webhook-test", "webhook_test", "Webhooks", ConnectionChecks.webhookWords(connected.webhookTest()),
                ConnectionBoxes.style(connected.webhookTest().status()), connected.webhookTest().status(), connected.shop().value())
                + ConnectionBoxes.check("polling-test", "polling_test", "Daily check", connected.pollingTest().message() == null
                        ? "Working: we read " + connected.pollingTest().shopName() + " with its new access ("
                        + connected.pollingTest().productsCount() + " products); the daily check will work."
                        : "Not working: " + connected.pollingTest().message(),
                ConnectionBoxes.style(connected.pollingTest().status()), connected.pollingTest().status())
                + "</dl>"
                + "<p class=\"muted\">Merchant id <code id=\"user-uuid\">" + connected.merchant() + "</code></p>"
                + "<h2>Next: your Facebook Pages</h2>"
                + "<p>Connect the Pages your bot answers on, so it replies on Messenger with this store's catalog.</p>"
                + "<div class=\"actions\"><a class=\"button\" href=\"/facebook/login\" id=\"connect-facebook\">Connect Facebook Pages</a>"
                + "<a href=\"/connections\" id=\"my-connections\">My connections</a></div>";
        return Html.pageWithScript("Store connected", body, "live-status.js");
    }

    private static String upload(SyncOutcome upload) {
        if (upload.result() != null) {
            JsonObject s = upload.result().summary();
            return ("unchanged".equals(upload.status()) ? "Already up to date" : "Written") + ": " + s.getInt("products")
                    + " products, " + s.getInt("variants") + " variants, " + s.getInt("discounts") + " discount codes and "
                    + s.getInt("collections") + " collections.";
        }
        if ("pending".equals(upload.status())) {
            String bulk = upload.message() != null && upload.message().contains("bulk operations")
                    ? " " + upload.message().substring(upload.message().indexOf("Its ")) : "";
            return "Being made: a large store takes a few minutes." + bulk
                    + " This page follows it; you can also leave and come back to My connections.";
        }
        return "Could not be made: " + upload.message();
    }
}
