package dev.salesbot.sync.account.boundary;

import dev.salesbot.sync.account.control.AccountConnection;
import dev.salesbot.sync.web.Html;

import java.util.List;

/** "My connections" and the delete confirmation, as HTML. */
final class MyConnectionsView {

    private MyConnectionsView() {
    }

    static String connections(List<AccountConnection> connections, String csrf, String flash) {
        StringBuilder body = new StringBuilder(4096).append("<h1>My connections</h1>");
        if (flash != null) {
            body.append("<p class=\"ok\" id=\"flash\" role=\"status\">").append(Html.escape(flash)).append("</p>");
        }
        body.append("<p>What the bot knows about your store and Pages, and how fresh it is. Changes you make in Shopify or "
                + "on Facebook reach it within seconds; everything is checked again once a day.</p>");
        boolean store = connections.stream().anyMatch(AccountConnection::shopify);
        boolean pages = connections.stream().anyMatch(c -> !c.shopify());
        for (AccountConnection c : connections) {
            body.append(ConnectionBoxes.box(c, actions(c, csrf)));
        }
        body.append("<h2>Connect more</h2><ul>");
        if (!store) {
            body.append("<li><a href=\"/\">Connect your Shopify store</a></li>");
        }
        body.append("<li><a href=\"/facebook/login\">").append(pages ? "Connect other Facebook Pages" : "Connect your Facebook Pages")
                .append("</a></li></ul>");
        return Html.page("My connections", body.toString());
    }

    private static String actions(AccountConnection c, String csrf) {
        StringBuilder html = new StringBuilder("<div class=\"actions\">");
        if (!c.active()) {
            html.append("<a class=\"button\" href=\"").append(Html.escape(c.reconnectPath())).append("\" id=\"reconnect-")
                    .append(c.id()).append("\">Connect again</a>");
        }
        if (c.active()) {
            html.append("<form method=\"post\" action=\"/connections/").append(c.id()).append("/disconnect\">")
                    .append(csrfField(csrf))
                    .append("<button type=\"submit\" class=\"secondary\" id=\"disconnect-").append(c.id())
                    .append("\">Disconnect ").append(Html.escape(c.name())).append("</button></form>");
        }
        html.append("<a class=\"button danger\" href=\"/connections/").append(c.id()).append("/delete\" id=\"delete-")
                .append(c.id()).append("\">Delete the bot's copy…</a>");
        return html.append("</div>").toString();
    }

    static String confirmDelete(AccountConnection c, String csrf) {
        String what = (c.shopify() ? "your store " : "your Page ") + c.name();
        String body = "<h1>Delete the bot's copy of " + Html.escape(what) + "?</h1>"
                + "<p class=\"problem\">The bot will know nothing more about " + Html.escape(what) + ": its copy "
                + (c.shopify() ? "of the catalog (products, prices, stock, discounts, collections)" : "of the Page's details")
                + " is deleted from storage, with the connection and its access keys. This cannot be undone; "
                + "you can connect again later, which makes a new copy.</p>"
                + "<form method=\"post\" action=\"/connections/" + c.id() + "/delete\">" + csrfField(csrf)
                + "<input type=\"hidden\" name=\"confirm\" value=\"yes\">"
                + "<button type=\"submit\" class=\"danger\" id=\"confirm-delete\">Yes, delete it</button>"
                + "<a href=\"/connections\" id=\"cancel-delete\">No, keep it</a></form>";
        return Html.page("Delete the bot's copy", body);
    }

    private static String csrfField(String csrf) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + Html.escape(csrf) + "\">";
    }
}
