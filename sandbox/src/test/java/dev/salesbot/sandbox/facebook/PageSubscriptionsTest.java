package dev.salesbot.sandbox.facebook;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static dev.salesbot.sandbox.facebook.SandboxFacebookFixture.APP_ID;
import static dev.salesbot.sandbox.facebook.SandboxFacebookFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

class PageSubscriptionsTest {

    private final SandboxFacebookFixture facebook = new SandboxFacebookFixture(3);
    private final String userToken = facebook.userToken();
    private final String pageId = facebook.firstPageId();
    private final String pageToken = facebook.pageToken(userToken, pageId);

    @Test
    void subscribingWithPageTokenIsRecordedAndListed() {
        GraphAnswer answer = subscribe(pageToken, "name,category");

        JsonObject listed = facebook.sandbox.subscribedApps(request("access_token", pageToken), pageId).body();
        assertThat(answer.body().getBoolean("success")).isTrue();
        assertThat(facebook.world.subscriptions.all()).containsEntry(pageId, java.util.List.of("name", "category"));
        JsonObject app = listed.getJsonArray("data").getJsonObject(0);
        assertThat(app.getString("id")).isEqualTo(APP_ID);
        assertThat(app.getJsonArray("subscribed_fields").getString(1)).isEqualTo("category");
    }

    @Test
    void acceptsFieldsAsJsonArray() {
        subscribe(pageToken, "[\"feed\",\"messages\"]");

        assertThat(facebook.world.subscriptions.fields(pageId)).contains(java.util.List.of("feed", "messages"));
    }

    @Test
    void userTokenCannotManageSubscriptions() {
        GraphAnswer answer = subscribe(userToken, "name");

        assertThat(answer.body().getJsonObject("error").getInt("code")).isEqualTo(210);
    }

    @Test
    void refusesUnknownWebhookField() {
        GraphAnswer answer = subscribe(pageToken, "name,nmae");

        assertThat(answer.body().getJsonObject("error").getInt("code")).isEqualTo(100);
        assertThat(facebook.world.subscriptions.fields(pageId)).isEmpty();
    }

    @Test
    void refusesMissingFields() {
        GraphAnswer answer = facebook.sandbox.subscribe(request("access_token", pageToken), pageId);

        assertThat(answer.body().getJsonObject("error").getString("message")).contains("subscribed_fields");
    }

    @Test
    void unsubscribingRemovesTheSubscription() {
        subscribe(pageToken, "name");

        facebook.sandbox.unsubscribe(request("access_token", pageToken), pageId);

        assertThat(facebook.sandbox.subscribedApps(request("access_token", pageToken), pageId)
                .body().getJsonArray("data")).isEmpty();
    }

    private GraphAnswer subscribe(String token, String fields) {
        return facebook.sandbox.subscribe(request("access_token", token, "subscribed_fields", fields), pageId);
    }
}
