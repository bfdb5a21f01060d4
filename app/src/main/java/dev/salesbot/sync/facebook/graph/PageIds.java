package dev.salesbot.sync.facebook.graph;

import java.util.regex.Pattern;

/**
 * Facebook Page ids are decimal numbers. Every id that comes from Graph is checked here before it
 * reaches a storage key, a database row, a log line or a Graph URL: an id such as
 * {@code 12ab/../x} is refused, not cleaned up.
 */
public final class PageIds {

    private static final Pattern DIGITS = Pattern.compile("^[0-9]{1,30}$");

    private PageIds() {
    }

    public static boolean valid(String id) {
        return id != null && DIGITS.matcher(id).matches();
    }
}
