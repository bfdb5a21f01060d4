package dev.salesbot.sandbox.facebook;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageFieldsTest {

    private static final String ALL_FIELDS =
            "id,name,category,about,description,website,phone,emails,hours,location,link,picture,fan_count";

    private final SandboxFacebookFixture facebook = new SandboxFacebookFixture(3);
    private final String pageId = facebook.firstPageId();
    private final String pageToken = facebook.pageToken(facebook.userToken(), pageId);

    @Test
    void answersOnlyTheRequestedFieldsPlusId() {
        JsonObject page = facebook.page(pageId, pageToken, "name,fan_count").body();

        assertThat(page.keySet()).containsExactly("name", "fan_count", "id");
        assertThat(page.getString("name")).isEqualTo("Fast Online Store PH");
    }

    @Test
    void shapesNestedFieldsAsGraphDoes() {
        JsonObject page = facebook.page(pageId, pageToken, ALL_FIELDS).body();

        assertThat(page.getJsonObject("picture").getJsonObject("data").getString("url")).startsWith("https://");
        assertThat(page.getJsonObject("location").getString("country")).isEqualTo("Philippines");
        assertThat(page.getJsonObject("hours").getString("mon_1_open")).isEqualTo("09:00");
        assertThat(page.getJsonArray("emails").getString(0)).contains("@");
        assertThat(page.keySet()).hasSize(13);
    }

    @Test
    void answersIdAndNameByDefault() {
        JsonObject page = facebook.page(pageId, pageToken, null).body();

        assertThat(page.keySet()).containsExactlyInAnyOrder("id", "name");
    }

    @Test
    void nestedFieldSyntaxSelectsTheTopLevelField() {
        JsonObject page = facebook.page(pageId, pageToken, "picture.type(large){url},name").body();

        assertThat(page.keySet()).containsExactly("picture", "name", "id");
    }

    @Test
    void refusesUnknownField() {
        GraphAnswer answer = facebook.page(pageId, pageToken, "name,fan_cuont");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().getJsonObject("error").getString("message")).contains("fan_cuont");
    }

    @Test
    void pageTokenOfOnePageCannotReadAnother() {
        String other = facebook.world.pages().get(1).id();

        GraphAnswer answer = facebook.page(other, pageToken, "name");

        assertThat(answer.body().getJsonObject("error").getInt("code")).isEqualTo(100);
        assertThat(answer.body().getJsonObject("error").getInt("error_subcode")).isEqualTo(33);
        assertThat(answer.body().getJsonObject("error").getString("type")).isEqualTo("GraphMethodException");
    }

    @Test
    void acceptsTokenAsBearerHeader() {
        GraphRequest request = GraphRequest.of(SandboxFacebookFixture.VERSION,
                java.util.Map.of("fields", java.util.List.of("name")), null, null, "Bearer " + pageToken);

        assertThat(facebook.sandbox.page(request, pageId).status()).isEqualTo(200);
    }
}
