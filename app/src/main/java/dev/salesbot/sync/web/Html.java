package dev.salesbot.sync.web;

/** The pages' one layout and HTML escaping; every value shown on a page goes through {@link #escape}. */
public final class Html {

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:46rem;margin:3rem auto;padding:0 1rem;color:#1f2933;line-height:1.5}
            h1{font-size:1.6rem;margin-bottom:.25rem}h2{font-size:1.15rem;margin-top:2rem}
            .muted{color:#616e7c;font-size:.9rem}.problem{background:#fff3f3;border-left:4px solid #d64545;padding:.75rem 1rem}
            .ok{background:#effcf6;border-left:4px solid #2f8132;padding:.75rem 1rem}
            form{display:flex;gap:.5rem;flex-wrap:wrap;align-items:center}input[type=text]{padding:.5rem;font-size:1rem;min-width:16rem;border:1px solid #9aa5b1;border-radius:4px}
            button{padding:.55rem 1.1rem;font-size:1rem;background:#0b6bcb;color:#fff;border:0;border-radius:4px;cursor:pointer}
            table{border-collapse:collapse}td,th{text-align:left;padding:.25rem 1rem .25rem 0}code{background:#f0f4f8;padding:0 .25rem}
            body.wide{max-width:112rem;margin:1.5rem auto}.wide table{font-size:.88rem;width:100%}
            .wide td,.wide th{border-bottom:1px solid #e4e7eb;vertical-align:top;padding:.45rem .8rem .45rem 0}
            form.inline{display:inline-flex;margin:0 .3rem .3rem 0}form.inline button{padding:.3rem .65rem;font-size:.85rem}
            .health-healthy{color:#2f8132;font-weight:600}.health-delayed{color:#9c6500;font-weight:600}
            .health-failing,.health-needs_reconnect{color:#c53030;font-weight:600}
            """;

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
        return page(title, body, "");
    }

    /** {@link #page(String, String)} using the width of the window, for tables (the admin console). */
    public static String widePage(String title, String body) {
        return page(title, body, " class=\"wide\"");
    }

    private static String page(String title, String body, String bodyAttributes) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                // No favicon to fetch: a browser would ask for /favicon.ico and log the 404 as an error.
                + "<link rel=\"icon\" href=\"data:,\">"
                + "<title>" + escape(title) + " · salesbot-sync</title><style>" + STYLE + "</style></head><body" + bodyAttributes + ">"
                + body + "</body></html>";
    }
}
