package dev.salesbot.sync.account.boundary;

import dev.salesbot.sync.web.Html;

/**
 * The page merchants are sent to: what connecting does and what is kept, in a shop owner's words;
 * the two connect steps as a progress line; the store field, which says inline what is wrong with
 * what was typed (the connect resource renders it again with the error, answer 400).
 */
public final class StartView {

    private static final String ABOUT = """
            <h1>Connect your store to your Messenger sales bot</h1>
            <p>Your sales bot answers customers on Messenger with what your shop sells. salesbot-sync keeps
            what it knows fresh: when you change a product, a price, stock or a discount in Shopify, or your
            Facebook Page's details, the bot's copy is updated within seconds, and checked again every day.</p>
            <h2>What we read and what we keep</h2>
            <ul>
            <li>From Shopify, <strong>read-only</strong>: products and their variants, prices, stock levels,
            discount codes and collections. Never your customers, orders or payments.</li>
            <li>From Facebook: each Page's name, description, contact details and opening hours.</li>
            <li>We keep a copy of that catalog and those Page details for the bot, and the access keys
            Shopify and Facebook give us, encrypted. You can disconnect, and delete the copy, at any time
            from <em>My connections</em>.</li>
            </ul>
            """;

    /**
     * The start page, with {@code typed} in the store field and {@code error} (what is wrong with it)
     * beside the field when not null.
     */
    private StartView() {
    }

    public static String render(String typed, String error, boolean merchantKnown) {
        boolean invalid = error != null;
        String body = ABOUT + Html.steps(merchantKnown ? 1 : 0)
                + (merchantKnown ? "<p class=\"note\">Your store is connected in this browser. "
                + "<a href=\"/facebook/login\" id=\"connect-facebook\">Connect your Facebook Pages</a>, or see "
                + "<a href=\"/connections\" id=\"my-connections\">My connections</a>.</p>" : "")
                + "<h2>1. Connect your Shopify store</h2>"
                + "<form method=\"get\" action=\"/shopify/connect\" id=\"connect-shopify\" class=\"stacked\" novalidate>"
                + "<label for=\"shop\">Your Shopify store</label>"
                + "<p class=\"hint\" id=\"shop-hint\">Its name (<code>acme</code>), its myshopify.com address "
                + "(<code>acme.myshopify.com</code>) or your Shopify admin's address "
                + "(<code>https://admin.shopify.com/store/acme</code>).</p>"
                + "<input type=\"text\" id=\"shop\" name=\"shop\" value=\"" + Html.escape(typed) + "\" autocomplete=\"off\" "
                + "autocapitalize=\"none\" spellcheck=\"false\" aria-describedby=\"shop-hint" + (invalid ? " shop-error" : "")
                + "\"" + (invalid ? " aria-invalid=\"true\" autofocus" : "") + ">"
                + (invalid ? "<p class=\"field-error\" id=\"shop-error\" role=\"alert\">" + Html.escape(error) + "</p>" : "")
                + "<div class=\"actions\"><button type=\"submit\" id=\"connect\">Connect Shopify</button></div>"
                + "</form>"
                + "<p class=\"muted\">Shopify shows you what the bot asks to read and asks you to approve it; "
                + "then you come back here.</p>"
                + "<h2>2. Connect your Facebook Pages</h2>"
                + "<p>After your store, in this same browser: "
                + (merchantKnown ? "<a href=\"/facebook/login\">Connect Facebook Pages</a>." : "the link appears here once your store is connected.")
                + "</p>";
        return Html.page(invalid ? "Check your store's name" : "Connect your store", body);
    }
}
