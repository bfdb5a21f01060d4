package dev.salesbot.sync.facebook.connect;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ManagedPagesTest {

    private static final String FAST_ONLINE_STORE = "101368371725791";
    private static final String MANILA_SNEAKER_HUB = "101368379645128";

    private final List<String> cursorsAsked = new ArrayList<>();

    @Test
    void followsTheAfterCursorUntilThereIsNoNextPage() {
        List<String> ids = IntStream.range(0, 60).mapToObj(i -> Long.toString(101368371725791L + i)).toList();
        ManagedPages.Listing listing = ManagedPages.collect(after -> window(ids, after, 25));
        assertThat(listing.granted()).extracting(ManagedPages.Granted::id).containsExactlyElementsOf(ids);
        assertThat(cursorsAsked).hasSize(3).first().isNull();
        assertThat(listing.refused()).isEmpty();
    }

    @Test
    void stopsOnALastPageThatStillCarriesCursors() {
        JsonObject last = answer(List.of(page(FAST_ONLINE_STORE)), "cursor-a", false);
        ManagedPages.Listing listing = ManagedPages.collect(after -> {
            cursorsAsked.add(after);
            return last;
        });
        assertThat(cursorsAsked).containsExactly((String) null);
        assertThat(listing.granted()).hasSize(1);
    }

    @Test
    void stopsWhenGraphRepeatsACursor() {
        JsonObject looping = answer(List.of(page(FAST_ONLINE_STORE)), "same-cursor", true);
        ManagedPages.Listing listing = ManagedPages.collect(after -> {
            cursorsAsked.add(after);
            return looping;
        });
        assertThat(cursorsAsked).containsExactly(null, "same-cursor");
        assertThat(listing.granted()).extracting(ManagedPages.Granted::id).containsExactly(FAST_ONLINE_STORE);
    }

    @Test
    void refusesANonNumericPageIdAndKeepsTheOthers() {
        JsonObject answer = answer(List.of(page(FAST_ONLINE_STORE), page("12ab/../x"), page(MANILA_SNEAKER_HUB)), null, false);
        ManagedPages.Listing listing = ManagedPages.collect(after -> answer);
        assertThat(listing.granted()).extracting(ManagedPages.Granted::id).containsExactly(FAST_ONLINE_STORE, MANILA_SNEAKER_HUB);
        assertThat(listing.refused()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("12ab/../x");
            assertThat(r.reason()).contains("not a number");
        });
    }

    @Test
    void refusesAPageListedWithoutAPageToken() {
        JsonObject noToken = Json.createObjectBuilder().add("id", MANILA_SNEAKER_HUB).add("name", "Manila Sneaker Hub").build();
        ManagedPages.Listing listing = ManagedPages.collect(after -> answer(List.of(noToken), null, false));
        assertThat(listing.granted()).isEmpty();
        assertThat(listing.refused()).extracting(ManagedPages.Refused::id).containsExactly(MANILA_SNEAKER_HUB);
    }

    @Test
    void neverShowsATokenWhenPrinted() {
        ManagedPages.Listing listing = ManagedPages.collect(after -> answer(List.of(page(FAST_ONLINE_STORE)), null, false));
        assertThat(listing.toString()).doesNotContain("EAAPageToken");
    }

    private JsonObject window(List<String> ids, String after, int limit) {
        cursorsAsked.add(after);
        int from = after == null ? 0 : ids.indexOf(decode(after)) + 1;
        int to = Math.min(ids.size(), from + limit);
        return answer(ids.subList(from, to).stream().map(ManagedPagesTest::page).toList(),
                encode(ids.get(to - 1)), to < ids.size());
    }

    private static JsonObject answer(List<JsonObject> pages, String after, boolean hasNext) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        pages.forEach(data::add);
        JsonObjectBuilder answer = Json.createObjectBuilder().add("data", data);
        if (after != null) {
            JsonObjectBuilder paging = Json.createObjectBuilder()
                    .add("cursors", Json.createObjectBuilder().add("before", "b").add("after", after));
            if (hasNext) {
                paging.add("next", "https://graph.facebook.com/v24.0/me/accounts?access_token=EAAUserToken&after=" + after);
            }
            answer.add("paging", paging);
        }
        return answer.build();
    }

    private static JsonObject page(String id) {
        return Json.createObjectBuilder().add("id", id).add("name", "Page " + id).add("category", "Shoe store")
                .add("access_token", "EAAPageToken" + id).build();
    }

    private static String encode(String id) {
        return Base64.getEncoder().encodeToString(id.getBytes());
    }

    private static String decode(String cursor) {
        return new String(Base64.getDecoder().decode(cursor));
    }
}
