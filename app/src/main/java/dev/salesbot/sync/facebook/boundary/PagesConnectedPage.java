package dev.salesbot.sync.facebook.boundary;

import dev.salesbot.sync.facebook.control.AccountPages;
import dev.salesbot.sync.facebook.control.ConnectReport;
import dev.salesbot.sync.web.Html;

/** The page a merchant sees after connecting Facebook Pages: each Page, its snapshot and its status. */
final class PagesConnectedPage {

    private PagesConnectedPage() {
    }

    static String render(ConnectReport report) {
        StringBuilder body = new StringBuilder(2048)
                .append("<h1>Facebook Pages connected</h1>")
                .append("<p>Merchant id <code id=\"user-uuid\">").append(report.merchant()).append("</code></p>")
                .append("<table><tr><th>Page</th><th>Id</th><th>Snapshot</th><th>Status</th></tr>");
        for (ConnectReport.PageResult page : report.results()) {
            String status = page.needsReconnect()
                    ? "<strong>needs reconnect</strong> — " + Html.escape(page.reconnectReason())
                    : "active";
            body.append("<tr><td>").append(Html.escape(page.name())).append("</td><td><code>")
                    .append(Html.escape(page.pageId())).append("</code></td><td>")
                    .append(Html.escape(page.sync().status()))
                    .append(page.sync().message() == null ? "" : " <span class=\"muted\">" + Html.escape(page.sync().message()) + "</span>")
                    .append("</td><td>").append(status).append("</td></tr>");
        }
        body.append("</table>");
        body.append("<h2>Webhooks</h2><p id=\"webhook-test\" class=\"")
                .append("success".equals(report.webhookTest().status()) ? "ok" : "problem").append("\">Test: <strong>")
                .append(Html.escape(report.webhookTest().status())).append("</strong>")
                .append(report.webhookTest().message() == null ? " — changes to these Pages reach the bot within seconds."
                        : " — " + Html.escape(report.webhookTest().message())).append("</p>");
        if (!report.refused().isEmpty()) {
            body.append("<h2>Pages not connected</h2><ul>");
            for (AccountPages.Refused refused : report.refused()) {
                body.append("<li class=\"problem\">").append(Html.escape(refused.name())).append(" (<code>")
                        .append(Html.escape(refused.id())).append("</code>): ").append(Html.escape(refused.reason())).append("</li>");
            }
            body.append("</ul>");
        }
        if (report.results().stream().anyMatch(ConnectReport.PageResult::needsReconnect)) {
            body.append("<p class=\"problem\">Some Pages need a reconnect: <a href=\"/facebook/login\">connect your Facebook Pages again</a>.</p>");
        } else {
            body.append("<p class=\"ok\">The bot's data for these Pages is up to date.</p>");
        }
        return Html.page("Facebook Pages connected", body.toString());
    }
}
