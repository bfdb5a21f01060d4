package dev.salesbot.sync.account.boundary;

import dev.salesbot.sync.account.control.AccountConnection;
import dev.salesbot.sync.web.Html;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A connection as a box of the merchant's pages: name, state in words, last update, the copy's
 * counts and, while a first sync runs, a progress bar. The elements {@code /assets/live-status.js}
 * rewrites are marked ({@code data-target}, {@code js-*} classes, {@code data-count}), and so are
 * the pending checks that follow a connection ({@code data-follows}, {@code data-check}).
 */
public final class ConnectionBoxes {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'", Locale.ENGLISH);
    private static final List<String[]> COUNTS = List.of(new String[]{"products", "Products"}, new String[]{"variants", "Variants"},
            new String[]{"discounts", "Discount codes"}, new String[]{"collections", "Collections"});

    private ConnectionBoxes() {
    }

    /** The time as the pages show it. */
    public static String when(OffsetDateTime at) {
        return at == null ? "not yet" : WHEN.format(at.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** The box; {@code actions} (forms, links) go at its end. */
    public static String box(AccountConnection c, String actions) {
        StringBuilder html = new StringBuilder(1024)
                .append("<section class=\"connection\" data-target=\"").append(Html.escape(c.target()))
                .append("\" aria-labelledby=\"c-").append(c.id()).append("\">")
                .append("<h3 id=\"c-").append(c.id()).append("\">").append(c.shopify() ? "Shopify store " : "Facebook Page ")
                .append(Html.escape(c.name())).append("</h3>")
                .append("<p>Status: <span class=\"state js-state state-").append(c.state()).append("\">")
                .append(Html.escape(c.stateText())).append("</span> <span class=\"js-detail\">")
                .append(Html.escape(c.detail())).append("</span></p>")
                .append("<p>Last update: <span class=\"js-last-update\">").append(when(c.lastUpdate())).append("</span></p>");
        if (c.shopify()) {
            boolean bar = c.progress() != null && c.progress().total() > 0;
            long total = bar ? c.progress().total() : 1;
            long value = bar ? Math.min(c.progress().fetched(), total) : 0;
            html.append("<label class=\"muted js-progress-text\" for=\"progress-").append(c.id()).append("\"")
                    .append(bar ? "" : " hidden").append(">")
                    .append(bar ? value + " of " + total + " products fetched" : "Products fetched").append("</label>")
                    .append("<progress id=\"progress-").append(c.id()).append("\" max=\"").append(total).append("\" value=\"")
                    .append(value).append("\"").append(bar ? "" : " hidden").append("></progress>");
        }
        html.append("<table class=\"js-counts\"").append(c.counts().isEmpty() ? " hidden" : "").append(">")
                .append("<caption class=\"muted\">What the bot knows</caption>");
        for (String[] count : c.shopify() ? COUNTS : List.<String[]>of()) {
            Long n = c.counts().get(count[0]);
            html.append("<tr><th scope=\"row\">").append(count[1]).append("</th><td data-count=\"").append(count[0]).append("\">")
                    .append(n == null ? "–" : n).append("</td></tr>");
        }
        if (!c.shopify()) {
            html.append("<tr><th scope=\"row\">Page details</th><td class=\"js-page-details\">").append(c.counts().isEmpty() ? "not yet" : "stored").append("</td></tr>");
        }
        return html.append("</table>").append(actions).append("</section>").toString();
    }

    /**
     * One of a result page's checks: a heading, the result in words ({@code style} ok, note or
     * problem), and the tutorial's field and value for those who know them. A check that does not
     * change after the answer: {@link #check(String, String, String, String, String, String, String)}
     * with no connection.
     */
    public static String check(String id, String field, String heading, String words, String style, String status) {
        return check(id, field, heading, words, style, status, null);
    }

    /**
     * A check that follows the sync of the connection {@code follows} (its target; null for none): a
     * pending one is marked for the script, which rewrites it from {@code /connections/status} once
     * its status there is no longer pending.
     */
    public static String check(String id, String field, String heading, String words, String style, String status, String follows) {
        boolean followed = follows != null && "pending".equals(status);
        return "<dt>" + Html.escape(heading) + "</dt><dd id=\"" + id + "\" class=\"" + style + "\""
                + ("pending".equals(status) ? " data-pending=\"true\"" : "")
                + (followed ? " data-check=\"" + field + "\" data-follows=\"" + Html.escape(follows) + "\"" : "") + ">"
                + Html.escape(words) + " <span class=\"muted\">(<code>" + field + "</code>: <strong>" + Html.escape(status)
                + "</strong>)</span></dd>";
    }

    /** The style of a check: ok for success (and unchanged), note while pending, problem otherwise. */
    public static String style(String status) {
        return switch (status) {
            case "success", "unchanged" -> "ok";
            case "pending" -> "note";
            default -> "problem";
        };
    }

    /** The live section of a result page: its boxes, and whether the script should follow them. */
    public static String live(List<AccountConnection> connections) {
        boolean updating = connections.stream().anyMatch(c -> c.state().equals("updating"));
        StringBuilder html = new StringBuilder("<div id=\"live\" data-status-url=\"/connections/status\" data-updating=\"")
                .append(updating).append("\">");
        connections.forEach(c -> html.append(box(c, "")));
        return html.append("<p id=\"live-note\" class=\"muted\" role=\"status\">")
                .append(updating ? "Updating: this page follows the progress by itself." : "")
                .append("</p></div>").toString();
    }
}
