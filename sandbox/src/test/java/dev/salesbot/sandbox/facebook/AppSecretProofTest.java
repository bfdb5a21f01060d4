package dev.salesbot.sandbox.facebook;

import org.junit.jupiter.api.Test;

import static dev.salesbot.sandbox.facebook.SandboxFacebookFixture.APP_SECRET;
import static dev.salesbot.sandbox.facebook.SandboxFacebookFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code appsecret_proof} (https://developers.facebook.com/docs/graph-api/security#appsecret_proof). */
class AppSecretProofTest {

    private final SandboxFacebookFixture facebook = new SandboxFacebookFixture(2);
    private final String user = facebook.userToken();

    @Test
    void aRightProofPassesAndIsCounted() {
        GraphAnswer answer = facebook.sandbox.me(request("access_token", user, "appsecret_proof", Secrets.appSecretProof(APP_SECRET, user)));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(facebook.world.stats.withProof()).isEqualTo(1);
        assertThat(facebook.world.stats.withoutProof()).isZero();
    }

    @Test
    void aWrongProofIsRefused() {
        GraphAnswer answer = facebook.sandbox.me(request("access_token", user, "appsecret_proof", Secrets.appSecretProof("another-secret", user)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().getJsonObject("error").getString("message")).isEqualTo("Invalid appsecret_proof provided in the API argument");
    }

    @Test
    void aMissingProofIsCountedAndRefusedOnlyWhenTheAppRequiresIt() {
        assertThat(facebook.sandbox.me(request("access_token", user)).status()).isEqualTo(200);
        assertThat(facebook.world.stats.withoutProof()).isEqualTo(1);

        facebook.world.requireAppSecretProof(true);
        GraphAnswer refused = facebook.sandbox.me(request("access_token", user));

        assertThat(refused.body().getJsonObject("error").getString("message")).contains("require an appsecret_proof");
    }
}
