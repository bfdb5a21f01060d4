package dev.salesbot.sandbox.facebook;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.salesbot.sandbox.facebook.SandboxFacebookFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A Page admin's edits change what Graph answers and are announced once per changed field; removing the app revokes tokens. */
class PageEditsTest {

    private final SandboxFacebookFixture facebook = new SandboxFacebookFixture(2);
    private final List<String> events = new ArrayList<>();

    @Test
    void anEditChangesTheNodeAndIsAnnouncedOnce() {
        facebook.world.events((page, field, value) -> events.add(page + " " + field + "=" + value));
        String pageId = facebook.firstPageId();
        String token = facebook.pageToken(facebook.userToken(), pageId);

        assertThat(facebook.world.updatePage(pageId, "name", "Renamed Store")).isTrue();
        assertThat(facebook.world.updatePage(pageId, "name", "Renamed Store")).as("unchanged: not announced").isTrue();

        assertThat(facebook.page(pageId, token, "name").body().getString("name")).isEqualTo("Renamed Store");
        assertThat(events).containsExactly(pageId + " name=Renamed Store");
        assertThat(facebook.world.updatePage("999", "name", "x")).isFalse();
        assertThatThrownBy(() -> facebook.world.updatePage(pageId, "fan_count", "1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void removingTheAppRevokesEveryUserAndPageToken() {
        String user = facebook.userToken();
        String page = facebook.pageToken(user, facebook.firstPageId());

        facebook.world.tokens.revokeUser();

        for (String token : List.of(user, page)) {
            var error = facebook.sandbox.me(request("access_token", token)).body().getJsonObject("error");
            assertThat(error.getInt("code")).isEqualTo(190);
            assertThat(error.getInt("error_subcode")).isEqualTo(458);
        }
    }

    @Test
    void signedRequestsAreSignedAsMetaSignsThem() throws Exception {
        String signed = FacebookDeliveries.signedRequest("secret-1", "{\"algorithm\":\"HMAC-SHA256\",\"user_id\":\"42\"}");
        String[] parts = signed.split("\\.");
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("secret-1".getBytes(), "HmacSHA256"));
        byte[] expected = mac.doFinal(parts[1].getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertThat(java.util.Base64.getUrlDecoder().decode(parts[0])).isEqualTo(expected);
        assertThat(new String(java.util.Base64.getUrlDecoder().decode(parts[1]))).contains("\"user_id\":\"42\"");
        assertThat(signed).doesNotContain("=", "+", "/");
        assertThat(FacebookDeliveries.escapeUnicode("{\"name\":\"Caf\u00e9 — 1\"}")).isEqualTo("{\"name\":\"Caf\\u00e9 \\u2014 1\"}");
    }
}
