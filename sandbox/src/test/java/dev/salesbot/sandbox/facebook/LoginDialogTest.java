package dev.salesbot.sandbox.facebook;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static dev.salesbot.sandbox.facebook.SandboxFacebookFixture.APP_ID;
import static dev.salesbot.sandbox.facebook.SandboxFacebookFixture.REDIRECT_URI;
import static dev.salesbot.sandbox.facebook.SandboxFacebookFixture.SCOPES;
import static dev.salesbot.sandbox.facebook.SandboxFacebookFixture.STATE;
import static dev.salesbot.sandbox.facebook.SandboxFacebookFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginDialogTest {

    private final SandboxFacebookFixture facebook = new SandboxFacebookFixture(3);

    @Test
    void consentPageListsEveryPageTickedAndBothButtons() {
        String html = facebook.sandbox.showDialog(dialog(APP_ID, REDIRECT_URI, "<script>"));

        assertThat(html).contains("Sandbox Facebook — " + FacebookSettings.APP_NAME + " wants to: "
                + "pages_show_list, pages_read_engagement, pages_manage_metadata");
        assertThat(html).contains("value=\"" + SamplePages.FIRST_PAGE_ID + "\" checked");
        assertThat(html).contains("value=\"allow\"").contains("value=\"deny\"").contains("action=\"oauth/confirm\"");
        assertThat(html).contains("&lt;script&gt;").doesNotContain("<script>");
    }

    @Test
    void refusesUnknownAppWithErrorPage() {
        assertThatThrownBy(() -> facebook.sandbox.showDialog(dialog("42", REDIRECT_URI, STATE)))
                .isInstanceOf(DialogException.class).hasMessageContaining("App ID");
    }

    @Test
    void refusesMissingRedirectUri() {
        assertThatThrownBy(() -> facebook.sandbox.showDialog(dialog(APP_ID, null, STATE)))
                .isInstanceOf(DialogException.class).hasMessageContaining("redirect_uri");
    }

    @Test
    void continueRedirectsWithCodeAndState() {
        URI redirect = facebook.consent(List.of(), false, List.of());

        assertThat(redirect.toString()).startsWith(REDIRECT_URI + "?code=");
        assertThat(SandboxFacebookFixture.query(redirect)).containsEntry("state", STATE);
    }

    @Test
    void cancelRedirectsWithFacebooksDenial() {
        Map<String, String> query = SandboxFacebookFixture.query(facebook.cancel());

        assertThat(query).containsEntry("error", "access_denied")
                .containsEntry("error_reason", "user_denied")
                .containsEntry("error_description", "Permissions error")
                .containsEntry("state", STATE)
                .doesNotContainKey("code");
        assertThat(facebook.cancel().getRawQuery()).contains("error_description=Permissions+error");
    }

    @Test
    void untickedPagesAreNotGranted() {
        String chosen = facebook.world.pages().get(1).id();
        String token = facebook.userToken(SandboxFacebookFixture.codeFromRedirect(
                facebook.consent(List.of(chosen), true, List.of())));

        List<String> ids = facebook.accounts(token).body().getJsonArray("data").getValuesAs(JsonObject.class)
                .stream().map(p -> p.getString("id")).toList();

        assertThat(ids).containsExactly(chosen);
    }

    @Test
    void formWithNoPageTickedGrantsNoPage() {
        String token = facebook.userToken(SandboxFacebookFixture.codeFromRedirect(
                facebook.consent(List.of(), true, List.of())));

        assertThat(facebook.accounts(token).body().getJsonArray("data")).isEmpty();
    }

    @Test
    void declinedScopeShowsInPermissionsAndBlocksWhatNeedsIt() {
        String token = facebook.userToken(SandboxFacebookFixture.codeFromRedirect(
                facebook.consent(List.of(), false, List.of("pages_manage_metadata"))));
        String pageId = facebook.firstPageId();

        JsonObject permissions = facebook.sandbox.permissions(request("access_token", token)).body();
        GraphAnswer subscribe = facebook.sandbox.subscribe(request("access_token",
                facebook.pageToken(token, pageId), "subscribed_fields", "name,category"), pageId);

        assertThat(permissions.getJsonArray("data").getValuesAs(JsonObject.class))
                .extracting(p -> p.getString("permission") + "=" + p.getString("status"))
                .contains("pages_show_list=granted", "public_profile=granted", "pages_manage_metadata=declined");
        assertThat(subscribe.status()).isEqualTo(403);
        assertThat(subscribe.body().getJsonObject("error").getInt("code")).isEqualTo(200);
    }

    @Test
    void withoutPagesShowListTheAccountsListIsEmpty() {
        String token = facebook.userToken(SandboxFacebookFixture.codeFromRedirect(
                facebook.consent(List.of(), false, List.of("pages_show_list"))));

        assertThat(facebook.accounts(token).body().getJsonArray("data")).isEmpty();
    }

    @Test
    void redirectUriWithQueryKeepsIt() {
        URI redirect = facebook.sandbox.decide(new DialogDecision(APP_ID, REDIRECT_URI + "?from=dialog",
                STATE, SCOPES, true, List.of(), false, List.of()));

        assertThat(redirect.toString()).startsWith(REDIRECT_URI + "?from=dialog&code=");
    }

    private static DialogRequest dialog(String clientId, String redirectUri, String state) {
        return new DialogRequest("v24.0", clientId, redirectUri, state, SCOPES, "code");
    }
}
