package dev.salesbot.sync.facebook.boundary;

import dev.salesbot.sync.account.boundary.ConnectionBoxes;
import dev.salesbot.sync.account.control.AccountConnection;
import dev.salesbot.sync.facebook.connect.ConnectReport;
import dev.salesbot.sync.facebook.connect.ManagedPages;
import dev.salesbot.sync.queue.control.SyncOutcome;
import dev.salesbot.sync.web.Html;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The page a merchant sees after connecting Facebook Pages: each Page with its state (followed live
 * while its first sync runs) and the tutorial's results ({@code upload_status}, {@code polling_test}
 * per Page, {@code webhook_test}) in words; Pages that could not be connected and why.
 */
final class PagesConnectedView {

    private PagesConnectedView() {
    }

    static String render(ConnectReport report, List<AccountConnection> connections) {
        Map<String, AccountConnection> byPage = connections.stream().filter(c -> !c.shopify())
                .collect(Collectors.toMap(AccountConnection::target, Function.identity(), (a, b) -> a));
        List<AccountConnection> shown = report.results().stream().map(r -> byPage.get(r.pageId())).filter(c -> c != null).toList();
        StringBuilder body = new StringBuilder(4096)
                .append(Html.steps(2))
                .append("<h1>Your Facebook Pages are connected</h1>")
                .append("<p class=\"ok\">The bot now answers on these Pages with your store's catalog.</p>")
                .append(ConnectionBoxes.live(shown));
        body.append("<h2>Checks</h2><dl>");
        for (ConnectReport.PageResult page : report.results()) {
            SyncOutcome sync = page.sync();
            String words = page.needsReconnect() ? "Needs reconnect: " + page.reconnectReason()
                    : sync.result() != null ? ("unchanged".equals(sync.status()) ? "Already up to date." : "Written: the Page's details are stored.")
                    : "pending".equals(sync.status()) ? "Being made; this page follows it."
                    : "Could not be made: " + sync.message();
            body.append(ConnectionBoxes.check("upload-status-" + page.pageId(), "upload_status", page.name(), words,
                    page.needsReconnect() ? "problem" : ConnectionBoxes.style(sync.status()), sync.status(), page.pageId()));
        }
        boolean hooks = "success".equals(report.webhookTest().status());
        body.append(ConnectionBoxes.check("webhook-test", "webhook_test", "Webhooks", hooks
                ? "Working: changes to these Pages reach the bot within seconds."
                : "Not working yet: " + report.webhookTest().message() + " The daily check still keeps the bot up to date.",
                ConnectionBoxes.style(report.webhookTest().status()), report.webhookTest().status()));
        boolean read = report.results().stream().allMatch(p -> p.sync().result() != null);
        body.append(ConnectionBoxes.check("polling-test", "polling_test", "Daily check", read
                ? "Working: every Page was read with its new access; the daily check will work."
                : "Not every Page could be read yet; see each Page above.", read ? "ok" : "note", read ? "success" : "pending"))
                .append("</dl>");
        if (!report.refused().isEmpty()) {
            body.append("<h2>Pages not connected</h2><ul>");
            for (ManagedPages.Refused refused : report.refused()) {
                body.append("<li class=\"problem\">").append(Html.escape(refused.name())).append(" (<code>")
                        .append(Html.escape(refused.id())).append("</code>): ").append(Html.escape(refused.reason())).append("</li>");
            }
            body.append("</ul>");
        }
        if (report.results().stream().anyMatch(ConnectReport.PageResult::needsReconnect)) {
            body.append("<p class=\"problem\">Some Pages need a reconnect: <a href=\"/facebook/login\">connect your Facebook Pages again</a>.</p>");
        }
        body.append("<p class=\"muted\">Merchant id <code id=\"user-uuid\">").append(report.merchant()).append("</code></p>")
                .append("<div class=\"actions\"><a class=\"button\" href=\"/connections\" id=\"my-connections\">My connections</a></div>");
        return Html.pageWithScript("Facebook Pages connected", body.toString(), "live-status.js");
    }
}
