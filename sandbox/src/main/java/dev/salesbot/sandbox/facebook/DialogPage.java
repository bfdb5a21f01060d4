package dev.salesbot.sandbox.facebook;

import dev.salesbot.sandbox.SandboxHtml;

import java.util.List;

/**
 * The consent page's HTML: a plain form (no JavaScript) so that a browser, a test's HTTP client
 * or a person running locally can all complete the Login. Every value is escaped: state and
 * redirect_uri come from the caller.
 */
final class DialogPage {

    private DialogPage() {
    }

    static String render(DialogRequest request, String appName, List<String> scopes, List<SandboxPage> pages) {
        String wants = scopes.isEmpty() ? "public_profile" : String.join(", ", scopes);
        StringBuilder html = new StringBuilder(2048);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Sandbox Facebook — Log in</title></head><body>\n")
                .append("<h1>Sandbox Facebook — ").append(escape(appName)).append(" wants to: ")
                .append(escape(wants)).append("</h1>\n")
                .append("<p>Logged in as ").append(escape(FacebookWorld.USER_NAME)).append(".</p>\n")
                .append("<form method=\"post\" action=\"oauth/confirm\">\n");
        hidden(html, "client_id", request.clientId());
        hidden(html, "redirect_uri", request.redirectUri());
        hidden(html, "state", request.state());
        hidden(html, "scope", request.scope());
        hidden(html, "page_choice", "explicit");
        html.append("<fieldset><legend>Pages ").append(escape(appName)).append(" may use</legend>\n");
        for (SandboxPage page : pages) {
            html.append("<label><input type=\"checkbox\" name=\"page\" value=\"").append(escape(page.id()))
                    .append("\" checked> ").append(escape(page.name())).append(" (")
                    .append(escape(page.category())).append(")</label><br>\n");
        }
        html.append("</fieldset>\n<fieldset><legend>Permissions</legend>\n");
        for (String scope : scopes) {
            html.append("<label><input type=\"checkbox\" name=\"declined_scope\" value=\"").append(escape(scope))
                    .append("\"> Don't allow ").append(escape(scope)).append("</label><br>\n");
        }
        html.append("</fieldset>\n")
                .append("<button type=\"submit\" name=\"decision\" value=\"allow\">Continue</button>\n")
                .append("<button type=\"submit\" name=\"decision\" value=\"deny\">Cancel</button>\n")
                .append("</form></body></html>\n");
        return html.toString();
    }

    static String error(String message) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Sandbox Facebook — Error</title></head><body>\n"
                + "<h1>Sandbox Facebook — Sorry, something went wrong.</h1>\n<p>" + escape(message)
                + "</p></body></html>\n";
    }

    private static void hidden(StringBuilder html, String name, String value) {
        if (value != null) {
            html.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                    .append(escape(value)).append("\">\n");
        }
    }

    static String escape(String text) {
        return SandboxHtml.escape(text);
    }
}
