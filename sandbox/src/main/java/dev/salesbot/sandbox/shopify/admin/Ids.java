package dev.salesbot.sandbox.shopify.admin;

import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Shopify global ids ({@code gid://shopify/Product/123}) and lookups in id-ordered lists. */
final class Ids {

    private static final Pattern GID = Pattern.compile("gid://shopify/([A-Za-z]+)/(\\d+)(\\?.*)?");

    /** A parsed global id. */
    record Gid(String type, long id) {
    }

    private Ids() {
    }

    static String gid(String type, long id) {
        return "gid://shopify/" + type + "/" + id;
    }

    static Optional<Gid> parse(Object value) {
        if (!(value instanceof String text)) {
            return Optional.empty();
        }
        Matcher m = GID.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Gid(m.group(1), Long.parseLong(m.group(2))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Index of {@code id} in a list ascending by id, or the negative insertion point like binarySearch. */
    static <T> int indexOf(List<T> ascending, long id, ToLongFunction<T> idOf) {
        int low = 0;
        int high = ascending.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long midId = idOf.applyAsLong(ascending.get(mid));
            if (midId < id) {
                low = mid + 1;
            } else if (midId > id) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }
}
