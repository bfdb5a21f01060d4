package dev.salesbot.sync.problems.boundary;

import java.util.Map;

/**
 * What a person can do about a problem, by its kind ({@code /problems/<slug>}), for the page a
 * browser gets: a sentence and the link that does it. Kinds not listed get the start page.
 */
record Advice(String whatToDo, String linkText, String link) {

    private static final Advice START_AGAIN = new Advice("Start again from the start page, in this browser.",
            "Back to the start page", "/");
    private static final Advice FACEBOOK_AGAIN = new Advice("Connect your Facebook Pages again and, on Facebook's screen, "
            + "keep every permission switched on and press Continue: the bot needs them to read your Pages.",
            "Connect Facebook Pages again", "/facebook/login");
    private static final Advice TRY_LATER = new Advice("Nothing was lost. Try again in a few minutes; "
            + "if it keeps happening, send the reference below to the people who run this service.", "Back to the start page", "/");

    private static final Map<String, Advice> BY_KIND = Map.ofEntries(
            Map.entry("permissions-denied", FACEBOOK_AGAIN),
            Map.entry("missing-permission", FACEBOOK_AGAIN),
            Map.entry("facebook-login-failed", FACEBOOK_AGAIN),
            Map.entry("missing-scope", new Advice("Connect your store again and approve every access the app asks for "
                    + "(all of it is read-only).", "Connect your store again", "/")),
            Map.entry("unknown-store", new Advice("Check your store's name: it is the part before .myshopify.com in your "
                    + "Shopify admin's address. You can also paste that address.", "Try another name", "/")),
            Map.entry("invalid-shop", new Advice("Type your store's name, for example acme or acme.myshopify.com.",
                    "Try again", "/")),
            Map.entry("expired-link", new Advice("Connecting has to be finished within a few minutes of starting it. "
                    + "Start again; your store and Pages are not affected.", "Start again", "/")),
            Map.entry("invalid-state", START_AGAIN),
            Map.entry("no-merchant-session", new Advice("Connect your store first, in this browser; then your Pages "
                    + "and your connections are one click away.", "Connect your store", "/")),
            Map.entry("token-exchange-failed", TRY_LATER),
            Map.entry("facebook-failed", TRY_LATER),
            Map.entry("facebook-rate-limited", TRY_LATER),
            Map.entry("invalid-csrf-token", new Advice("Open My connections again and repeat what you did there.",
                    "My connections", "/connections")),
            Map.entry("unknown-connection", new Advice("Open My connections to see the connections of this browser's store.",
                    "My connections", "/connections")),
            Map.entry("not-confirmed", new Advice("Open My connections and press Delete again; then confirm.",
                    "My connections", "/connections")));

    /** The advice for {@code type} ({@code /problems/<slug>} or {@code about:blank}). */
    static Advice of(String type, int status) {
        String slug = type.startsWith("/problems/") ? type.substring("/problems/".length()) : "";
        Advice advice = BY_KIND.get(slug);
        if (advice != null) {
            return advice;
        }
        return status >= 500 ? TRY_LATER : START_AGAIN;
    }
}
