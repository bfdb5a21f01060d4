package dev.salesbot.sandbox.facebook;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitTest {

    private final SandboxFacebookFixture facebook = new SandboxFacebookFixture(3);
    private final String userToken = facebook.userToken();

    @Test
    void plannedPageLimitFailsTheNextCallsThenClears() {
        facebook.sandbox.planRateLimit(32, 2);

        GraphAnswer first = facebook.accounts(userToken);
        GraphAnswer second = facebook.accounts(userToken);
        GraphAnswer third = facebook.accounts(userToken);

        JsonObject error = first.body().getJsonObject("error");
        assertThat(first.status()).isEqualTo(400);
        assertThat(error.getInt("code")).isEqualTo(32);
        assertThat(error.getString("type")).isEqualTo("OAuthException");
        assertThat(error.getBoolean("is_transient")).isTrue();
        assertThat(second.body().getJsonObject("error").getInt("code")).isEqualTo(32);
        assertThat(third.status()).isEqualTo(200);
    }

    @Test
    void appAndUserLimitsAnswer403AndCustomLimitAnswers400() {
        assertThat(statusAndCodeFor(4)).containsExactly(403, 4);
        assertThat(statusAndCodeFor(17)).containsExactly(403, 17);
        assertThat(statusAndCodeFor(613)).containsExactly(400, 613);
    }

    @Test
    void plannedFaultsSpareTheTokenEndpoints() {
        facebook.sandbox.planRateLimit(4, 1);

        GraphAnswer exchange = facebook.exchange(facebook.code());
        GraphAnswer accounts = facebook.accounts(userToken);

        assertThat(exchange.status()).isEqualTo(200);
        assertThat(accounts.body().getJsonObject("error").getInt("code")).isEqualTo(4);
    }

    @Test
    void exhaustedHourlyBudgetThrottlesWithCode4() {
        // Four calls an hour: the code exchange and three listings.
        SandboxFacebookFixture tight = new SandboxFacebookFixture(3, 4);
        String token = tight.userToken();
        for (int i = 0; i < 3; i++) {
            assertThat(tight.accounts(token).status()).isEqualTo(200);
        }

        GraphAnswer throttled = tight.accounts(token);

        assertThat(throttled.status()).isEqualTo(403);
        assertThat(throttled.body().getJsonObject("error").getInt("code")).isEqualTo(4);
    }

    @Test
    void refusesCodesGraphDoesNotUseForRateLimits() {
        assertThatThrownBy(() -> facebook.sandbox.planRateLimit(429, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullCodeClearsThePlan() {
        facebook.sandbox.planRateLimit(17, 5);
        facebook.sandbox.planRateLimit(null, 0);

        assertThat(facebook.accounts(userToken).status()).isEqualTo(200);
    }

    private int[] statusAndCodeFor(int code) {
        facebook.sandbox.planRateLimit(code, 1);
        GraphAnswer answer = facebook.accounts(userToken);
        return new int[] {answer.status(), answer.body().getJsonObject("error").getInt("code")};
    }
}
