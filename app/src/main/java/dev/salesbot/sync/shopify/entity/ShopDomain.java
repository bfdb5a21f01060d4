package dev.salesbot.sync.shopify.entity;

import dev.salesbot.sync.problems.control.Refusal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shop's {@code name.myshopify.com} domain, checked with an anchored pattern before it goes
 * near a redirect, a request or a storage key. {@code acme} is read as {@code acme.myshopify.com}.
 */
public record ShopDomain(String value) {

    private static final Pattern DOMAIN = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9-]*\\.myshopify\\.com$");
    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9-]*$");
    /** The Shopify admin's address of a store, as the browser shows it: {@code admin.shopify.com/store/<name>/…}. */
    private static final Pattern ADMIN_URL = Pattern.compile("^(?:https?://)?admin\\.shopify\\.com/store/([a-z0-9][a-z0-9-]{0,62})(?:[/?#].*)?$");
    /** A store's own address: {@code https://<name>.myshopify.com/…}. */
    private static final Pattern STORE_URL = Pattern.compile("^(?:https?://)?([a-z0-9][a-z0-9-]{0,62})\\.myshopify\\.com(?:[/?#].*)?$");
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

    /**
     * What a shop owner types or pastes into the start page: {@code acme}, {@code acme.myshopify.com},
     * {@code https://acme.myshopify.com/admin} or the admin's address {@code https://admin.shopify.com/store/acme/…}
     * (any case, surrounding spaces ignored). Anything else is refused with what is wrong with it.
     */
    public static ShopDomain fromTyped(String input) {
        String typed = input == null ? "" : input.strip();
        if (typed.isEmpty()) {
            throw new InvalidShop(input, "Type your store's name, for example acme or acme.myshopify.com.");
        }
        if (typed.length() > 300) {
            throw new InvalidShop(input, "That is too long to be a store's name or address.");
        }
        String lower = typed.toLowerCase(Locale.ROOT);
        Matcher admin = ADMIN_URL.matcher(lower);
        if (admin.matches()) {
            return parse(admin.group(1));
        }
        Matcher store = STORE_URL.matcher(lower);
        if (store.matches()) {
            return parse(store.group(1) + ".myshopify.com");
        }
        if (NAME.matcher(lower).matches()) {
            return parse(lower);
        }
        if (lower.contains(".") && !lower.contains(" ")) {
            throw new InvalidShop(input, "That looks like your shop's own web address. Use its myshopify.com name instead: "
                    + "Shopify admin shows it under Settings → Domains (for example acme.myshopify.com).");
        }
        throw new InvalidShop(input, "A store's name has only letters, digits and hyphens, and starts with a letter or digit "
                + "(for example acme or acme.myshopify.com).");
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

        private final String whatToDo;

        public InvalidShop(String input) {
            this(input, "Give the store name (letters, digits, hyphens, starting with a letter or digit) or its name.myshopify.com domain.");
        }

        public InvalidShop(String input, String whatToDo) {
            super(Kind.BAD_INPUT, "invalid-shop", "Bad request", "'" + printable(input) + "' is not a Shopify shop. " + whatToDo, null);
            this.whatToDo = whatToDo;
        }

        /** What is wrong, for the person who typed it, without quoting the input back. */
        public String whatToDo() {
            return whatToDo;
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
