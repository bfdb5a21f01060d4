package dev.salesbot.sandbox.facebook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageTokenExpiryTest {

    private final SandboxFacebookFixture facebook = new SandboxFacebookFixture(3);
    private final String userToken = facebook.userToken();
    private final String pageId = facebook.firstPageId();

    @Test
    void expiredPageTokenAnswers190WithSubcode463() {
        String pageToken = facebook.pageToken(userToken, pageId);

        facebook.sandbox.expirePageTokens(pageId);
        GraphAnswer answer = facebook.page(pageId, pageToken, "name");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().getJsonObject("error").getInt("code")).isEqualTo(190);
        assertThat(answer.body().getJsonObject("error").getInt("error_subcode")).isEqualTo(463);
        assertThat(answer.headers()).containsKey("WWW-Authenticate");
    }

    @Test
    void otherPagesAndTheUserTokenKeepWorking() {
        String otherId = facebook.world.pages().get(1).id();
        String otherToken = facebook.pageToken(userToken, otherId);

        facebook.sandbox.expirePageTokens(pageId);

        assertThat(facebook.page(otherId, otherToken, "name").status()).isEqualTo(200);
        assertThat(facebook.accounts(userToken).status()).isEqualTo(200);
    }

    @Test
    void listingAgainHandsOutAFreshWorkingToken() {
        String expired = facebook.pageToken(userToken, pageId);
        facebook.sandbox.expirePageTokens(pageId);

        String fresh = facebook.pageToken(userToken, pageId);

        assertThat(fresh).isNotEqualTo(expired);
        assertThat(facebook.page(pageId, fresh, "name").status()).isEqualTo(200);
    }

    @Test
    void unknownTokenAnswers190WithoutSubcode() {
        GraphAnswer answer = facebook.page(pageId, "EAAnot-issued", "name");

        assertThat(answer.body().getJsonObject("error").getInt("code")).isEqualTo(190);
        assertThat(answer.body().getJsonObject("error").containsKey("error_subcode")).isFalse();
    }

    @Test
    void missingTokenAnswers104() {
        GraphAnswer answer = facebook.page(pageId, null, "name");

        assertThat(answer.body().getJsonObject("error").getInt("code")).isEqualTo(104);
    }

    @Test
    void expiringUnknownPageIsReported() {
        assertThat(facebook.sandbox.expirePageTokens("999")).isFalse();
    }
}
