package dev.salesbot.sandbox.facebook;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.salesbot.sandbox.facebook.SandboxFacebookFixture.APP_SECRET;
import static dev.salesbot.sandbox.facebook.SandboxFacebookFixture.REDIRECT_URI;
import static org.assertj.core.api.Assertions.assertThat;

class LoginCodesTest {

    private final SandboxFacebookFixture facebook = new SandboxFacebookFixture(3);

    @Test
    void exchangesCodeForBearerUserToken() {
        GraphAnswer answer = facebook.exchange(facebook.code());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().getString("access_token")).startsWith("EAA");
        assertThat(answer.body().getString("token_type")).isEqualTo("bearer");
        assertThat(answer.body().getJsonNumber("expires_in").longValue()).isEqualTo(5_183_944L);
    }

    @Test
    void refusesCodeRedeemedTwice() {
        String code = facebook.code();
        facebook.exchange(code);

        GraphAnswer replay = facebook.exchange(code);

        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.body().getJsonObject("error").getInt("code")).isEqualTo(100);
        assertThat(replay.body().getJsonObject("error").getInt("error_subcode")).isEqualTo(36009);
    }

    @Test
    void refusesCodeWithAnotherRedirectUriWithoutBurningIt() {
        String code = facebook.code();

        GraphAnswer elsewhere = facebook.exchange(code, "https://attacker.example/cb", APP_SECRET);
        GraphAnswer callback = facebook.exchange(code);

        assertThat(elsewhere.body().getJsonObject("error").getInt("error_subcode")).isEqualTo(36008);
        assertThat(callback.status()).isEqualTo(200);
    }

    @Test
    void refusesCodeOlderThanTenMinutes() {
        String code = facebook.code();
        facebook.clock.advance(Duration.ofMinutes(10));

        GraphAnswer late = facebook.exchange(code);

        assertThat(late.body().getJsonObject("error").getInt("error_subcode")).isEqualTo(36007);
    }

    @Test
    void refusesWrongAppSecretWithGraphError() {
        GraphAnswer answer = facebook.exchange(facebook.code(), REDIRECT_URI, "not-the-secret");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().getJsonObject("error").getString("type")).isEqualTo("OAuthException");
        assertThat(answer.body().getJsonObject("error").getInt("code")).isEqualTo(1);
        assertThat(answer.body().getJsonObject("error").getString("fbtrace_id")).isNotBlank();
    }

    @Test
    void refusesUnknownCode() {
        GraphAnswer answer = facebook.exchange("AQnot-a-code");

        assertThat(answer.body().getJsonObject("error").getInt("code")).isEqualTo(100);
    }

    @Test
    void refusesMissingRedirectUri() {
        GraphAnswer answer = facebook.exchange(facebook.code(), null, APP_SECRET);

        assertThat(answer.body().getJsonObject("error").getString("message")).contains("redirect_uri");
    }
}
