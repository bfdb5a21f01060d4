package dev.salesbot.sandbox.facebook;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.salesbot.sandbox.facebook.SandboxFacebookFixture.APP_ID;
import static dev.salesbot.sandbox.facebook.SandboxFacebookFixture.APP_SECRET;
import static dev.salesbot.sandbox.facebook.SandboxFacebookFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /{app-id}/subscriptions}: app tokens only, Meta's verification request first, Graph's shapes. */
class AppSubscriptionsTest {

    private final SandboxFacebookFixture facebook = new SandboxFacebookFixture(2);
    private final List<String> verified = new ArrayList<>();

    private String appToken() {
        return facebook.sandbox.accessToken("POST", request("grant_type", "client_credentials", "client_id", APP_ID,
                "client_secret", APP_SECRET)).body().getString("access_token");
    }

    private GraphAnswer subscribe(String token, String callback, String fields) {
        return facebook.sandbox.subscribeApp(request("access_token", token, "object", "page", "callback_url", callback,
                "verify_token", "vt-123", "fields", fields), APP_ID);
    }

    @Test
    void clientCredentialsGiveAnAppTokenThatCreatesAVerifiedSubscription() {
        facebook.world.verifier((url, token) -> {
            verified.add(url + " " + token);
            return Optional.empty();
        });
        String token = appToken();
        assertThat(token).startsWith(APP_ID + "|");

        GraphAnswer created = subscribe(token, "https://salesbot.example/facebook/webhook", "name,phone");

        assertThat(created.body().getBoolean("success")).isTrue();
        assertThat(verified).containsExactly("https://salesbot.example/facebook/webhook vt-123");
        JsonObject listed = facebook.sandbox.appSubscriptions(request("access_token", token), APP_ID).body();
        JsonObject page = listed.getJsonArray("data").getJsonObject(0);
        assertThat(page.getString("object")).isEqualTo("page");
        assertThat(page.getString("callback_url")).isEqualTo("https://salesbot.example/facebook/webhook");
        assertThat(page.getBoolean("active")).isTrue();
        assertThat(page.getJsonArray("fields").getValuesAs(JsonObject.class)).extracting(f -> f.getString("name"))
                .containsExactly("name", "phone");
    }

    @Test
    void theAppIdAndSecretJoinedAreAnAppTokenToo() {
        facebook.world.verifier((url, token) -> Optional.empty());

        assertThat(subscribe(APP_ID + "|" + APP_SECRET, "https://salesbot.example/hook", "name").body().getBoolean("success")).isTrue();
    }

    @Test
    void aCallbackThatFailsVerificationStoresNothing() {
        facebook.world.verifier((url, token) -> Optional.of("the response did not match the challenge"));

        GraphAnswer refused = subscribe(appToken(), "https://salesbot.example/facebook/webhook", "name");

        assertThat(refused.body().getJsonObject("error").getInt("code")).isEqualTo(2200);
        assertThat(refused.body().getJsonObject("error").getString("message")).contains("did not match the challenge");
        assertThat(facebook.world.appSubscriptions.all()).isEmpty();
    }

    @Test
    void userAndPageTokensCannotManageTheAppsSubscriptions() {
        String user = facebook.userToken();

        GraphAnswer refused = subscribe(user, "https://salesbot.example/facebook/webhook", "name");

        assertThat(refused.body().getJsonObject("error").getInt("code")).isEqualTo(15);
        assertThat(facebook.sandbox.appSubscriptions(request("access_token", user), APP_ID).body()
                .getJsonObject("error").getInt("code")).isEqualTo(15);
    }

    @Test
    void refusesUnknownFieldsAndInsecureCallbacks() {
        facebook.world.verifier((url, token) -> Optional.empty());
        String token = appToken();

        assertThat(subscribe(token, "https://salesbot.example/hook", "name,nmae").body().getJsonObject("error").getInt("code")).isEqualTo(100);
        assertThat(subscribe(token, "http://salesbot.example/hook", "name").body().getJsonObject("error").getInt("code")).isEqualTo(100);
        assertThat(subscribe(token, "http://127.0.0.1:8080/hook", "name").body().getBoolean("success")).isTrue();
    }

    @Test
    void anAppTokenFromBeforeAResetIsAnInvalidTokenNotAWrongKind() {
        String token = appToken();
        facebook.world.reset();

        JsonObject error = facebook.sandbox.appSubscriptions(request("access_token", token), APP_ID).body().getJsonObject("error");

        assertThat(error.getInt("code")).as("a client refetches its app token on 190").isEqualTo(190);
    }

    @Test
    void anUnknownTokenWithoutProofIsAnInvalidTokenEvenWhenProofIsRequired() {
        facebook.world.requireAppSecretProof(true);

        JsonObject error = facebook.sandbox.me(request("access_token", "EAAnotissued")).body().getJsonObject("error");

        assertThat(error.getInt("code")).isEqualTo(190);
    }
}
