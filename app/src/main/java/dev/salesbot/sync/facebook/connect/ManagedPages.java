package dev.salesbot.sync.facebook.connect;

import dev.salesbot.sync.facebook.graph.AccessToken;
import dev.salesbot.sync.facebook.graph.PageIds;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code /me/accounts} followed to its end: pages of results are fetched while Graph gives a
 * {@code paging.next}, with the {@code cursors.after} of the last one (the {@code next} link itself
 * carries the user token in its query, so it is never followed, logged or stored). Every Page id
 * is validated here, first; a Page with a non-numeric id or without a Page token is refused and
 * reported, the others go on.
 */
public final class ManagedPages {

    /** A guard against a cursor loop: 400 pages of 25 is far past any real account. */
    static final int MAX_REQUESTS = 400;

    /** A Page the user granted, with its token. */
    public record Granted(String id, String name, String category, AccessToken token) {
    }

    /** A Page that was listed but cannot be connected, and why (safe to show). */
    public record Refused(String id, String name, String reason) {
    }

    public record Listing(List<Granted> granted, List<Refused> refused) {

        public Listing {
            granted = List.copyOf(granted);
            refused = List.copyOf(refused);
        }
    }

    private ManagedPages() {
    }

    /** @param fetch one page of results for a cursor ({@code null}: the first page) */
    public static Listing collect(Function<String, JsonObject> fetch) {
        List<Granted> granted = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        Set<String> seenCursors = new HashSet<>();
        Set<String> seenIds = new HashSet<>();
        String after = null;
        for (int request = 0; request < MAX_REQUESTS; request++) {
            JsonObject answer = fetch.apply(after);
            for (JsonValue entry : answer.getJsonArray("data") == null ? List.<JsonValue>of() : answer.getJsonArray("data")) {
                if (entry instanceof JsonObject page) {
                    accept(page, granted, refused, seenIds);
                }
            }
            after = nextCursor(answer);
            if (after == null || !seenCursors.add(after)) {
                break;
            }
        }
        return new Listing(granted, refused);
    }

    private static void accept(JsonObject page, List<Granted> granted, List<Refused> refused, Set<String> seenIds) {
        String id = string(page, "id");
        String name = string(page, "name");
        if (!PageIds.valid(id)) {
            refused.add(new Refused(id, name, "Facebook gave this Page an id that is not a number; it was not connected."));
            return;
        }
        if (!seenIds.add(id)) {
            return;
        }
        String token = string(page, "access_token");
        if (token == null || token.isBlank()) {
            refused.add(new Refused(id, name, "Facebook gave no Page token for this Page (is the app allowed to manage it?)."));
            return;
        }
        granted.add(new Granted(id, name, string(page, "category"), new AccessToken(token)));
    }

    /** The cursor of the next page, only when Graph says there is one. */
    static String nextCursor(JsonObject answer) {
        JsonObject paging = answer.get("paging") instanceof JsonObject p ? p : null;
        if (paging == null || !(paging.get("next") instanceof JsonString)) {
            return null;
        }
        JsonObject cursors = paging.get("cursors") instanceof JsonObject c ? c : null;
        String after = cursors == null ? null : string(cursors, "after");
        return after == null || after.isBlank() ? null : after;
    }

    private static String string(JsonObject object, String name) {
        return object.get(name) instanceof JsonString s ? s.getString() : null;
    }
}
