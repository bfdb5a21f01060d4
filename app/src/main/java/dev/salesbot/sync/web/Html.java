package dev.salesbot.sync.web;

/**
 * The pages' one layout and HTML escaping; every value shown on a page goes through {@link #escape}.
 * Styles and scripts come from the WAR ({@code /assets/…}), never inline: the
 * Content-Security-Policy ({@link dev.salesbot.sync.web.boundary.SecurityHeaders}) allows no other.
 */
public final class Html {

    private Html() {
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A whole page; {@code body} is trusted markup built with {@link #escape}d values. */
    public static String page(String title, String body) {
        return page(title, body, "", null);
    }

    /** {@link #page(String, String)} with one of the WAR's scripts ({@code /assets/<script>}), loaded deferred. */
    public static String pageWithScript(String title, String body, String script) {
        return page(title, body, "", script);
    }

    /** {@link #page(String, String)} using the width of the window, for tables (the admin console). */
    public static String widePage(String title, String body) {
        return page(title, body, " class=\"wide\"", null);
    }

    /**
     * The connect flow's two steps as a progress line: {@code done} steps finished, then the current
     * one ({@code aria-current="step"}), the rest to come.
     */
    public static String steps(int done) {
        String[] names = {"Connect your Shopify store", "Connect your Facebook Pages"};
        StringBuilder html = new StringBuilder("<ol class=\"steps\" aria-label=\"Connection steps\">");
        for (int i = 0; i < names.length; i++) {
            String state = i < done ? " class=\"done\"" : i == done ? " class=\"current\" aria-current=\"step\"" : "";
            html.append("<li").append(state).append(">").append(i + 1).append(". ").append(names[i])
                    .append(i < done ? " <span class=\"muted\">(done)</span>" : "").append("</li>");
        }
        return html.append("</ol>").toString();
    }

    private static String page(String title, String body, String bodyAttributes, String script) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                // No favicon to fetch: a browser would ask for /favicon.ico and log the 404 as an error.
                + "<link rel=\"icon\" href=\"data:,\">"
                + "<link rel=\"stylesheet\" href=\"/assets/app.css\">"
                + (script == null ? "" : "<script src=\"/assets/" + script + "\" defer></script>")
                + "<title>" + escape(title) + " · salesbot-sync</title></head><body" + bodyAttributes + "><main>"
                + body + "</main></body></html>";
    }
}
