package dev.salesbot.sync.admin.boundary;

import dev.salesbot.sync.admin.control.AdminEvent;
import dev.salesbot.sync.admin.control.ConnectionView;
import dev.salesbot.sync.admin.control.Dashboard;
import dev.salesbot.sync.merchants.control.SupportWindows;
import dev.salesbot.sync.web.Html;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.salesbot.sync.web.Html.escape;

/**
 * The admin console's pages, rendered on the server: the login form and the dashboard. Every
 * value goes through {@link Html#escape}; every button is a POST form carrying the session's
 * CSRF token. Elements carry stable ids and classes ({@code connection-<id>}, {@code health},
 * {@code last-success}) for people's scripts and the browser test.
 */
final class AdminViews {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    private AdminViews() {
    }

    static String login(String csrf, String message) {
        return Html.page("Admin login", "<h1>salesbot-sync admin</h1>"
                + (message == null ? "" : "<p class=\"problem\" id=\"login-error\">" + escape(message) + "</p>")
                + "<form method=\"post\" action=\"/admin/login\" id=\"login\">"
                + "<input type=\"hidden\" name=\"csrf\" value=\"" + escape(csrf) + "\">"
                + "<label for=\"username\">Username</label> <input type=\"text\" id=\"username\" name=\"username\" autocomplete=\"username\" required>"
                + "<label for=\"password\">Password</label> <input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" required>"
                + "<button type=\"submit\">Log in</button></form>");
    }

    static String dashboard(Dashboard.Overview o, String user, String csrf, String flash) {
        StringBuilder b = new StringBuilder(16_384);
        b.append("<h1>salesbot-sync admin</h1><p class=\"muted\">Logged in as ").append(escape(user)).append(" · ")
                .append(time(o.at())).append(" · ").append(form("/admin/logout", csrf, "Log out", "logout")).append("</p>");
        if (flash != null) {
            b.append("<p class=\"ok\" id=\"flash\">").append(escape(flash)).append("</p>");
        }
        for (var n : o.notices()) {
            b.append("<p class=\"notice\" id=\"notice-").append(escape(n.name())).append("\"><strong>Action needed:</strong> ")
                    .append(escape(n.message())).append(" <span class=\"muted\">Since ").append(time(n.since().atOffset(java.time.ZoneOffset.UTC)))
                    // A notice watched on every answer (the API version) has no retry of its own to announce.
                    .append(n.retryAt().isAfter(o.at().toInstant()) ? "; tried again after " + time(n.retryAt().atOffset(java.time.ZoneOffset.UTC)) : "")
                    .append(".</span></p>");
        }
        for (SupportWindows.Status v : o.versions()) {
            if (v.warns()) {
                b.append("<p class=\"notice\" id=\"version-").append(escape(v.platform())).append("\"><strong>Action needed:</strong> ")
                        .append(escape(support(v))).append("</p>");
            }
        }
        b.append("<h2>Connections</h2><p id=\"summary\">").append(o.connections().size()).append(" connection(s) of ")
                .append(o.merchants()).append(" merchant(s): ")
                .append(o.byHealth().entrySet().stream().filter(e -> e.getValue() > 0)
                        .map(e -> e.getValue() + " " + e.getKey().replace('_', ' ')).collect(Collectors.joining(", ")))
                .append(". Poll interval ").append(o.pollScheduled() ? hours(o.pollInterval()) : "off (poll now only)").append(". ")
                .append(form("/admin/poll", csrf, "Poll everything now", "poll-now")).append("</p>");
        b.append("<table id=\"connections\"><thead><tr><th>Connection</th><th>Status</th><th>Last successful sync</th>"
                + "<th>Last attempt</th><th>Next poll</th><th>Last webhook</th><th>Webhooks</th><th>Snapshot</th>"
                + "<th>Failures</th><th>Actions</th></tr></thead><tbody>");
        for (ConnectionView c : o.connections()) {
            b.append("<tr id=\"connection-").append(escape(c.id())).append("\" data-target=\"").append(escape(c.target())).append("\">")
                    .append("<td>").append(c.platform().equals("shopify") ? "Store " : "Page ").append("<strong>").append(escape(c.name()))
                    .append("</strong><br><span class=\"muted\">").append(c.name() != null && c.name().equals(c.target()) ? "" : escape(c.target()) + " · ").append("merchant ")
                    .append(escape(c.merchant())).append("</span></td>")
                    .append("<td class=\"health health-").append(escape(c.health())).append("\">").append(escape(c.health().replace('_', ' ')))
                    .append(c.statusReason() == null ? "" : "<br><span class=\"muted\">" + escape(c.statusReason()) + "</span>").append("</td>")
                    .append("<td class=\"last-success\">").append(when(c.lastSuccessAt(), o.at())).append("</td>")
                    .append("<td class=\"last-attempt\">").append(when(c.lastAttemptAt(), o.at()))
                    .append(c.lastResult() == null ? "" : "<br>" + escape(c.lastResult().toLowerCase(java.util.Locale.ROOT))).append("</td>")
                    .append("<td>").append(c.nextPollAt() == null ? "—" : time(c.nextPollAt())).append("</td>")
                    .append("<td>").append(c.lastWebhookAt() == null ? "none yet" : when(c.lastWebhookAt(), o.at()) + "<br>" + escape(c.lastWebhookTopic()))
                    .append("</td><td class=\"webhooks\">").append(c.webhooksPresent().stream().filter(c.webhooksWanted()::contains).count())
                    .append(" of ").append(c.webhooksWanted().size()).append(" wanted")
                    .append(c.webhooksCheckedAt() == null ? "" : "<br><span class=\"muted\">checked " + when(c.webhooksCheckedAt(), o.at()) + "</span>")
                    .append("</td><td class=\"snapshot\">").append(counts(c.counts()))
                    .append(c.snapshotWrittenAt() == null ? "" : "<br><span class=\"muted\">written " + when(c.snapshotWrittenAt(), o.at()) + "</span>")
                    .append("</td><td class=\"failures\">").append(c.consecutiveFailures())
                    .append(c.lastError() == null ? "" : "<br><span class=\"muted\">" + escape(c.lastError()) + "</span>").append("</td><td>");
            String base = "/admin/connections/" + escape(c.id());
            if (c.active()) {
                b.append(form(base + "/sync", csrf, "Sync now", "sync-" + c.id()))
                        .append(form(base + "/webhooks", csrf, "Re-register webhooks", "webhooks-" + c.id()))
                        .append(form(base + "/disconnect", csrf, "Disconnect", "disconnect-" + c.id()));
            }
            b.append(form("/admin/merchants/" + escape(c.merchant()) + "/delete", csrf, "Delete merchant", "delete-" + c.id()))
                    .append("</td></tr>");
        }
        b.append("</tbody></table>");
        b.append("<h2>Platform API versions</h2><table id=\"api-versions\"><thead><tr><th>Platform</th><th>Setting</th><th>Version</th>"
                + "<th>Supported until</th><th>Standing</th></tr></thead><tbody>");
        for (SupportWindows.Status v : o.versions()) {
            b.append("<tr id=\"api-version-").append(escape(v.platform())).append("\"").append(v.warns() ? " class=\"problem\"" : "")
                    .append("><td>").append(v.platform().equals("shopify") ? "Shopify Admin API" : "Facebook Graph API").append("</td><td>")
                    .append(escape(v.setting())).append("</td><td>").append(escape(v.version())).append("</td><td>")
                    .append(v.supportedUntil() == null ? "not announced" : escape(v.supportedUntil().toString()))
                    .append(" <span class=\"muted\">(<a href=\"").append(escape(v.source())).append("\" rel=\"noreferrer\">source</a>)</span></td><td>")
                    .append(escape(support(v))).append("</td></tr>");
        }
        b.append("</tbody></table>");
        b.append("<h2>Webhook intake</h2><table id=\"webhook-intake\"><thead><tr><th>Platform</th><th>Waiting</th>"
                + "<th>Recorded</th><th>Batches</th><th>Largest batch</th><th>Answered 503</th></tr></thead><tbody>");
        o.intakes().forEach((platform, i) -> {
            long refused = i.refused().values().stream().mapToLong(Long::longValue).sum();
            b.append("<tr id=\"intake-").append(escape(platform)).append("\"").append(refused > 0 ? " class=\"problem\"" : "").append("><td>")
                    .append(escape(platform)).append("</td><td>").append(i.depth()).append(" of ").append(i.capacity()).append("</td><td>")
                    .append(i.deliveries()).append("</td><td>").append(i.batches())
                    .append(i.batches() > 0 ? " (" + String.format(java.util.Locale.ROOT, "%.1f", (double) i.deliveries() / i.batches()) + " a batch)" : "")
                    .append("</td><td>").append(i.largestBatch()).append("</td><td>").append(refused)
                    .append(refused > 0 ? " " + escape(i.refused().toString()) : "").append("</td></tr>");
        });
        b.append("</tbody></table>");
        b.append("<h2>Queue</h2><p id=\"queue\">").append(o.queue().pending()).append(" pending, ")
                .append(o.queue().retrying()).append(" being retried (").append(o.queue().retries()).append(" retries); oldest pending ")
                .append(o.queue().oldestCreatedAt() == null ? "—" : when(o.queue().oldestCreatedAt(), o.at())).append(".</p>");
        b.append("<h2>Stored tokens</h2><p id=\"tokens\"").append(o.tokens().unreadable() > 0 ? " class=\"problem\"" : "").append(">")
                .append(o.tokens().currentKey()).append(" sealed under the current key, ").append(o.tokens().olderKeys())
                .append(" under older keys (sealed again within minutes; drop an old key once this is 0), ")
                .append(o.tokens().unreadable()).append(" unreadable")
                .append(o.tokens().unreadable() > 0 ? ": no configured key opens them, check TOKEN_ENCRYPTION_KEY" : "").append(".</p>");
        b.append("<h2>Recent events</h2><table id=\"events\"><thead><tr><th>When</th><th>Type</th><th>Target</th><th>What</th>"
                + "<th>Detail</th></tr></thead><tbody>");
        for (AdminEvent e : o.events()) {
            b.append("<tr class=\"event-").append(escape(e.type())).append("\"><td>").append(time(e.at())).append("</td><td>")
                    .append(escape(e.type())).append("</td><td>").append(escape(e.target())).append("</td><td>").append(escape(e.what()))
                    .append("</td><td>").append(escape(e.detail())).append("</td></tr>");
        }
        b.append("</tbody></table>");
        return Html.widePage("Admin", b.toString());
    }

    /** Where a configured version stands, in words. */
    static String support(SupportWindows.Status v) {
        String name = (v.platform().equals("shopify") ? "Shopify Admin API " : "Graph API ") + v.version();
        return switch (v.standing()) {
            case SUPPORTED -> v.supportedUntil() == null ? name + " is supported; its end is not announced yet."
                    : name + " is supported until " + v.supportedUntil() + " (" + v.daysLeft() + " days).";
            case ENDING -> name + " reaches its end of support on " + v.supportedUntil() + ", in " + v.daysLeft()
                    + " days: upgrade salesbot-sync to a release made for a newer version and set " + v.setting() + " to it.";
            case ENDED -> name + " has been out of support since " + v.supportedUntil() + ": "
                    + (v.platform().equals("shopify") ? "Shopify answers a newer version instead" : "Meta no longer guarantees it")
                    + "; upgrade salesbot-sync and set " + v.setting() + " to a supported version.";
            case UNKNOWN -> name + " is not in this release's table of supported versions (" + v.setting()
                    + "): check the platform's dates yourself.";
        };
    }

    private static String form(String action, String csrf, String label, String id) {
        return "<form method=\"post\" action=\"" + action + "\" class=\"inline\"><input type=\"hidden\" name=\"csrf\" value=\""
                + escape(csrf) + "\"><button type=\"submit\" id=\"" + escape(id) + "\">" + escape(label) + "</button></form>";
    }

    private static String counts(Map<String, Long> counts) {
        return counts.isEmpty() ? "—" : escape(counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", ")));
    }

    static String when(OffsetDateTime at, OffsetDateTime now) {
        if (at == null) {
            return "never";
        }
        return "<time datetime=\"" + at + "\">" + age(Duration.between(at, now)) + "</time>";
    }

    static String age(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s ago";
        }
        if (s < 3600) {
            return s / 60 + " min ago";
        }
        if (s < 172_800) {
            return s / 3600 + " h " + (s % 3600) / 60 + " min ago";
        }
        return s / 86_400 + " days ago";
    }

    private static String time(OffsetDateTime at) {
        return at == null ? "—" : escape(TIME.format(at));
    }

    private static String hours(Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
    }
}
