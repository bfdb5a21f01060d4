package dev.salesbot.sync.shopify.control;

import dev.salesbot.sync.problems.control.Refusal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A shop's {@code name.myshopify.com} domain, checked with an anchored pattern before it goes
 * near a redirect, a request or a storage key. {@code acme} is read as {@code acme.myshopify.com}.
 */
public record ShopDomain(String value) {

    private static final Pattern DOMAIN = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9-]*\\.myshopify\\.com$");
    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9-]*$");
    /** A DNS label is at most 63 characters. */
    private static final int MAX_NAME = 63;

    public ShopDomain {
        if (value == null || !DOMAIN.matcher(value).matches() || name(value).length() > MAX_NAME) {
            throw new InvalidShop(value);
        }
    }

    /** Accepts {@code acme} or {@code acme.myshopify.com} (any case); anything else is refused. */
    public static ShopDomain parse(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidShop(input);
        }
        // No trimming: a shop with surrounding characters (a newline, a space) is not a shop.
        String candidate = input.toLowerCase(Locale.ROOT);
        if (NAME.matcher(candidate).matches()) {
            candidate = candidate + ".myshopify.com";
        }
        return new ShopDomain(candidate);
    }

    /** The part before {@code .myshopify.com}. */
    public String name() {
        return name(value);
    }

    private static String name(String domain) {
        return domain.substring(0, domain.length() - ".myshopify.com".length());
    }

    @Override
    public String toString() {
        return value;
    }

    /** Not a Shopify shop domain (a 400 problem in an answer). The message quotes at most a short, printable prefix. */
    public static class InvalidShop extends Refusal {

        private static final long serialVersionUID = 1L;

        public InvalidShop(String input) {
            super(Kind.BAD_INPUT, "invalid-shop", "Bad request", "'" + printable(input) + "' is not a Shopify shop: give "
                    + "the store name (letters, digits, hyphens, starting with a letter or digit) or its name.myshopify.com domain.", null);
        }

        private static String printable(String input) {
            if (input == null) {
                return "";
            }
            String cut = input.length() > 80 ? input.substring(0, 80) : input;
            return cut.replaceAll("[^\\x20-\\x7E]", "?") + (cut.length() < input.length() ? "…" : "");
        }
    }
}
