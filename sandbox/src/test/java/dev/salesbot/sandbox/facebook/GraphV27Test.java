package dev.salesbot.sandbox.facebook;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static dev.salesbot.sandbox.facebook.SandboxFacebookFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 25: with v27's rules for new apps switched on, field aliases and multi-id requests are
 * refused on every version (https://developers.facebook.com/blog/post/2026/11/04/introducing-graph-api-v27-and-marketing-api-v27/);
 * plain reads of one node by its id still pass.
 */
class GraphV27Test {

    private static final String PAGE_FIELDS =
            "id,name,category,about,description,website,phone,emails,hours,location,link,picture,fan_count";

    private final SandboxFacebookFixture facebook = new SandboxFacebookFixture(3);
    private final String user = facebook.userToken();
    private final String pageId = facebook.firstPageId();
    private final String pageToken = facebook.pageToken(user, pageId);

    @Test
    void anAliasedFieldIsReadAsItsFieldUntilV27sRulesApply() {
        assertThat(facebook.page(pageId, pageToken, "id,name.as(title)").status()).isEqualTo(200);

        facebook.world.v27(true);
        GraphAnswer refused = facebook.page(pageId, pageToken, "id,picture.type(large).as(photo)");

        assertThat(refused.status()).isEqualTo(400);
        JsonObject error = refused.body().getJsonObject("error");
        assertThat(error.getInt("code")).isEqualTo(100);
        assertThat(error.getString("message")).contains("Field aliases", "v27.0");
        assertThat(facebook.sandbox.stats().getInt("legacyRefused")).isEqualTo(1);
    }

    @Test
    void aMultiIdRequestIsRefusedUnderV27sRules() {
        facebook.world.v27(true);

        GraphAnswer root = facebook.sandbox.root(request("access_token", pageToken, "ids", pageId + "," + pageId, "fields", "name"));
        GraphAnswer onANode = facebook.sandbox.page(request("access_token", pageToken, "ids", pageId, "fields", "name"), pageId);

        assertThat(root.status()).isEqualTo(400);
        assertThat(root.body().getJsonObject("error").getString("message")).contains("Multi-ID requests");
        assertThat(onANode.body().getJsonObject("error").getString("message")).contains("Multi-ID requests");
    }

    @Test
    void theReadsThePageSyncMakesPassUnderV27sRules() {
        facebook.world.v27(true);

        GraphAnswer accounts = facebook.accounts(user, "fields", "id,name,category,access_token", "limit", "25");
        GraphAnswer page = facebook.page(pageId, pageToken, PAGE_FIELDS);

        assertThat(accounts.status()).isEqualTo(200);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().keySet()).hasSize(13);
        assertThat(facebook.sandbox.stats().getInt("legacyRefused")).isZero();
    }
}
