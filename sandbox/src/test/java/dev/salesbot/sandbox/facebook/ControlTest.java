package dev.salesbot.sandbox.facebook;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;

import static dev.salesbot.sandbox.facebook.SandboxFacebookFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

class ControlTest {

    private final SandboxFacebookFixture facebook = new SandboxFacebookFixture(3);

    @Test
    void statsCountRequestsByPathAndListIssuedTokens() {
        String userToken = facebook.userToken();
        String pageToken = facebook.pageToken(userToken, facebook.firstPageId());
        facebook.sandbox.subscribe(request("access_token", pageToken, "subscribed_fields", "name"),
                facebook.firstPageId());

        JsonObject stats = facebook.sandbox.stats();

        assertThat(stats.getInt("requests")).isEqualTo(4);
        assertThat(stats.getJsonObject("byPath").getInt("GET /graph/me/accounts")).isEqualTo(1);
        assertThat(stats.getJsonObject("byPath").getInt("POST /www/dialog/oauth/confirm")).isEqualTo(1);
        assertThat(stats.getJsonObject("subscriptions").getJsonArray(facebook.firstPageId()).getString(0))
                .isEqualTo("name");
        assertThat(stats.getJsonArray("issuedTokens").getValuesAs(JsonString.class))
                .extracting(JsonString::getString).contains(userToken, pageToken);
    }

    @Test
    void reseedingGivesTheRequestedPagesAndForgetsTokens() {
        String userToken = facebook.userToken();

        facebook.sandbox.reseed(30, false);

        assertThat(facebook.world.pages()).hasSize(30);
        assertThat(facebook.accounts(userToken).body().getJsonObject("error").getInt("code")).isEqualTo(190);
        assertThat(facebook.sandbox.stats().getJsonArray("issuedTokens")).isEmpty();
    }

    @Test
    void nonNumericPageIdIsListedForTheProductToRefuse() {
        facebook.sandbox.reseed(3, true);

        assertThat(facebook.accounts(facebook.userToken()).body().getJsonArray("data").getValuesAs(JsonObject.class))
                .extracting(p -> p.getString("id")).contains(SamplePages.NON_NUMERIC_PAGE_ID);
    }

    @Test
    void resetReturnsToTheConfiguredUser() {
        facebook.sandbox.reseed(40, false);
        facebook.sandbox.forceUsage(90);

        facebook.sandbox.reset();

        assertThat(facebook.world.pages()).hasSize(3);
        assertThat(facebook.sandbox.stats().getInt("requests")).isZero();
    }
}
