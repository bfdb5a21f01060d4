package dev.salesbot.sandbox.facebook;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.salesbot.sandbox.facebook.SandboxFacebookFixture.GRAPH_BASE;
import static dev.salesbot.sandbox.facebook.SandboxFacebookFixture.VERSION;
import static org.assertj.core.api.Assertions.assertThat;

class AccountsPagingTest {

    private static final int MANY_PAGES = 32;

    private final SandboxFacebookFixture facebook = new SandboxFacebookFixture(MANY_PAGES);

    @Test
    void followingNextWalksEveryGrantedPageOnce() {
        String token = facebook.userToken();
        List<String> seen = new ArrayList<>();
        int requests = 0;

        GraphAnswer answer = facebook.accounts(token, "limit", "10");
        while (true) {
            requests++;
            answer.body().getJsonArray("data").getValuesAs(JsonObject.class).forEach(p -> seen.add(p.getString("id")));
            JsonObject paging = answer.body().getJsonObject("paging");
            if (!paging.containsKey("next")) {
                break;
            }
            answer = follow(paging.getString("next"));
        }

        assertThat(requests).isEqualTo(4);
        assertThat(seen).doesNotHaveDuplicates()
                .containsExactlyElementsOf(facebook.world.pages().stream().map(SandboxPage::id).toList());
    }

    @Test
    void firstPageHasTwentyFiveByDefaultAndANextLink() {
        JsonObject body = facebook.accounts(facebook.userToken()).body();

        assertThat(body.getJsonArray("data")).hasSize(CursorWindow.DEFAULT_LIMIT);
        assertThat(body.getJsonObject("paging").getString("next"))
                .startsWith(GRAPH_BASE + "/" + VERSION + "/me/accounts?")
                .contains("after=");
        assertThat(body.getJsonObject("paging")).doesNotContainKey("previous");
        assertThat(body.getJsonObject("paging").getJsonObject("cursors").keySet()).containsExactly("before", "after");
    }

    @Test
    void lastPageHasNoNextButAPrevious() {
        String token = facebook.userToken();
        JsonObject first = facebook.accounts(token).body();
        String after = first.getJsonObject("paging").getJsonObject("cursors").getString("after");

        JsonObject last = facebook.accounts(token, "after", after).body();

        assertThat(last.getJsonArray("data")).hasSize(MANY_PAGES - CursorWindow.DEFAULT_LIMIT);
        assertThat(last.getJsonObject("paging")).doesNotContainKey("next").containsKey("previous");
    }

    @Test
    void accountsCarryPageTokenTasksAndCategory() {
        JsonObject first = facebook.accounts(facebook.userToken()).body().getJsonArray("data").getJsonObject(0);

        assertThat(first.getString("id")).isEqualTo(SamplePages.FIRST_PAGE_ID);
        assertThat(first.getString("name")).isEqualTo("Fast Online Store PH");
        assertThat(first.getString("category")).isEqualTo("Footwear store");
        assertThat(first.getString("access_token")).startsWith("EAA");
        assertThat(first.getJsonArray("tasks").getString(0)).isEqualTo("ADVERTISE");
    }

    @Test
    void fieldsParameterLimitsWhatEachAccountCarries() {
        JsonObject first = facebook.accounts(facebook.userToken(), "fields", "name,category")
                .body().getJsonArray("data").getJsonObject(0);

        assertThat(first.keySet()).containsExactly("name", "category", "id");
    }

    @Test
    void sameGrantGetsTheSamePageTokenOnEveryListing() {
        String token = facebook.userToken();

        assertThat(facebook.pageToken(token, facebook.firstPageId()))
                .isEqualTo(facebook.pageToken(token, facebook.firstPageId()));
    }

    @Test
    void refusesLimitOverOneHundred() {
        GraphAnswer answer = facebook.accounts(facebook.userToken(), "limit", "101");

        assertThat(answer.body().getJsonObject("error").getInt("code")).isEqualTo(100);
    }

    @Test
    void refusesUnknownCursor() {
        GraphAnswer answer = facebook.accounts(facebook.userToken(), "after", "bm90LWEtcGFnZQ==");

        assertThat(answer.body().getJsonObject("error").getString("message")).contains("cursor");
    }

    private GraphAnswer follow(String next) {
        Map<String, String> params = SandboxFacebookFixture.query(URI.create(next));
        List<String> keyValues = new ArrayList<>();
        params.forEach((k, v) -> {
            keyValues.add(k);
            keyValues.add(v);
        });
        return facebook.sandbox.accounts(SandboxFacebookFixture.request(keyValues.toArray(String[]::new)), GRAPH_BASE);
    }
}
