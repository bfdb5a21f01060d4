package dev.salesbot.sync.shopify.entity;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Shopify access scopes as the token endpoint lists them ({@code read_products,write_inventory}).
 * "Any scope that writes a resource also grants read access to it"
 * (https://shopify.dev/docs/api/usage/access-scopes), so a granted {@code write_x} satisfies a
 * required {@code read_x}.
 */
public final class AccessScopes {

    private AccessScopes() {
    }

    public static Set<String> parse(String commaSeparated) {
        Set<String> scopes = new LinkedHashSet<>();
        if (commaSeparated != null) {
            Arrays.stream(commaSeparated.split("[,\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).forEach(scopes::add);
        }
        return scopes;
    }

    /** The required scopes that {@code granted} does not cover, in the order required. */
    public static List<String> missing(String required, String granted) {
        Set<String> have = parse(granted);
        return parse(required).stream().filter(scope -> !covers(have, scope)).toList();
    }

    public static boolean covers(Set<String> granted, String scope) {
        return granted.contains(scope) || scope.startsWith("read_") && granted.contains("write_" + scope.substring(5));
    }
}
