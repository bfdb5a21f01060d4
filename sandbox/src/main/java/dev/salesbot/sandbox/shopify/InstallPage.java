package dev.salesbot.sandbox.shopify;

import dev.salesbot.sandbox.SandboxHtml;

/** The sandbox's "install app" page, shaped like Shopify's grant screen. */
final class InstallPage {

    private InstallPage() {
    }

    static String render(String shop, String clientId, String scope, String redirectUri, String state) {
        StringBuilder scopes = new StringBuilder();
        for (String s : (scope == null ? "" : scope).split(",")) {
            if (!s.isBlank()) {
                scopes.append("<li>").append(esc(s.trim())).append("</li>");
            }
        }
        return page("Install app",
                "<p class=\"badge\">Sandbox Shopify — no real store</p>"
                        + "<h1>Install salesbot-sync on <span id=\"shop\">" + esc(shop) + "</span></h1>"
                        + "<p>The app is asking for access to:</p><ul id=\"scopes\">" + scopes + "</ul>"
                        // An explicit action without the query: RESTEasy (WildFly) drops form fields whose
                        // name is also in the query string, so posting back to "?client_id=…" loses them.
                        + "<form method=\"post\" action=\"authorize\">"
                        + hidden("client_id", clientId)
                        + hidden("scope", scope) + hidden("redirect_uri", redirectUri) + hidden("state", state)
                        + "<button type=\"submit\" id=\"install\">Install</button></form>");
    }

    static String error(String message) {
        return page("Installation error", "<p class=\"badge\">Sandbox Shopify</p><h1>Cannot install</h1><p>" + esc(message) + "</p>");
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + esc(value) + "\">";
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title)
                + "</title><style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;color:#202223}"
                + ".badge{display:inline-block;background:#ffd79d;padding:.1rem .5rem;border-radius:3px;font-size:.8rem}"
                + "button{background:#008060;color:#fff;border:0;border-radius:4px;padding:.6rem 1.2rem;font-size:1rem}</style>"
                + "</head><body>" + body + "</body></html>";
    }

    static String esc(String s) {
        return SandboxHtml.escape(s);
    }
}
