package dev.salesbot.sandbox.facebook;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.salesbot.sandbox.facebook.SandboxFacebookFixture.APP_ID;
import static dev.salesbot.sandbox.facebook.SandboxFacebookFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

class LongLivedTokenTest {

    private final SandboxFacebookFixture facebook = new SandboxFacebookFixture(3);

    @Test
    void exchangesUserTokenForSixtyDayToken() {
        String shortLived = facebook.userToken();

        GraphAnswer answer = facebook.longLived(shortLived);

        assertThat(answer.status()).isEqualTo(200);
        String longLived = answer.body().getString("access_token");
        assertThat(longLived).isNotEqualTo(shortLived);
        assertThat(answer.body().getString("token_type")).isEqualTo("bearer");
        assertThat(answer.body().getJsonNumber("expires_in").longValue()).isEqualTo(Duration.ofDays(60).toSeconds());
        assertThat(facebook.sandbox.me(request("access_token", longLived)).body().getString("name"))
                .isEqualTo(FacebookWorld.USER_NAME);
    }

    @Test
    void longLivedTokenKeepsTheGrant() {
        String longLived = facebook.longLived(facebook.userToken()).body().getString("access_token");

        assertThat(facebook.accounts(longLived).body().getJsonArray("data")).hasSize(3);
    }

    @Test
    void longLivedTokenExpiresAfterSixtyDays() {
        String longLived = facebook.longLived(facebook.userToken()).body().getString("access_token");
        facebook.clock.advance(Duration.ofDays(60));

        GraphAnswer answer = facebook.accounts(longLived);

        assertThat(answer.body().getJsonObject("error").getInt("code")).isEqualTo(190);
        assertThat(answer.body().getJsonObject("error").getInt("error_subcode")).isEqualTo(463);
    }

    @Test
    void refusesExchangeWithWrongSecret() {
        GraphAnswer answer = facebook.sandbox.accessToken("POST", request("grant_type", "fb_exchange_token",
                "client_id", APP_ID, "client_secret", "wrong", "fb_exchange_token", facebook.userToken()));

        assertThat(answer.body().getJsonObject("error").getInt("code")).isEqualTo(1);
    }

    @Test
    void refusesExchangeOfUnknownToken() {
        GraphAnswer answer = facebook.longLived("EAAforged");

        assertThat(answer.body().getJsonObject("error").getInt("code")).isEqualTo(190);
    }
}
