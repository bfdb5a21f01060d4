package dev.salesbot.sync.facebook.graph;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FacebookAppTest {

    @Test
    void keepsOnlyThePageFieldsOfTheConfiguredWebhookFields() {
        FacebookApp app = new FacebookApp();
        app.webhookFields = FacebookApp.DEFAULT_WEBHOOK_FIELDS;
        assertThat(app.pageChangeFields()).containsExactly("name", "category", "description", "website", "phone", "hours", "location", "picture");
        app.redirectUri = Optional.of("https://sync.example.com/app/facebook/callback");
        assertThat(app.publicBase().toString()).isEqualTo("https://sync.example.com/app");
    }

    /** Issue 25: the Graph version is checked at start, and no Page field may carry an alias (refused for new apps since v27). */
    @Test
    void aMalformedGraphVersionOrAnAliasedPageFieldKeepsTheServerOutOfService() {
        FacebookApp app = new FacebookApp();
        app.pageFields = FacebookApp.DEFAULT_PAGE_FIELDS;
        for (String good : new String[]{FacebookApp.DEFAULT_API_VERSION, "v25.0", "v27.0"}) {
            app.apiVersion = good;
            dev.salesbot.sync.config.StartupState startup = new dev.salesbot.sync.config.StartupState();
            app.checkSettings(new Object(), startup);
            assertThat(startup.reasons()).as(good).isEmpty();
        }
        for (String bad : new String[]{"24.0", "v24", "v24.0/me", "v24.0\n", ""}) {
            app.apiVersion = bad;
            dev.salesbot.sync.config.StartupState startup = new dev.salesbot.sync.config.StartupState();
            app.checkSettings(new Object(), startup);
            assertThat(startup.reasons()).as(bad).singleElement().asString().contains("FACEBOOK_GRAPH_API_VERSION");
        }
        app.apiVersion = FacebookApp.DEFAULT_API_VERSION;
        app.pageFields = "id,name,picture.type(large).as(photo)";
        dev.salesbot.sync.config.StartupState startup = new dev.salesbot.sync.config.StartupState();
        app.checkSettings(new Object(), startup);
        assertThat(startup.reasons()).singleElement().asString().contains("FACEBOOK_PAGE_FIELDS", "aliases");
    }

    /** Issue 25: no Graph call of the product can carry a multi-id request ({@code ids}). */
    @Test
    void noGraphCallTakesAnIdsParameter() {
        for (java.lang.reflect.Method method : GraphApi.class.getDeclaredMethods()) {
            for (java.lang.reflect.Parameter parameter : method.getParameters()) {
                jakarta.ws.rs.QueryParam query = parameter.getAnnotation(jakarta.ws.rs.QueryParam.class);
                jakarta.ws.rs.FormParam form = parameter.getAnnotation(jakarta.ws.rs.FormParam.class);
                assertThat(query == null ? null : query.value()).as(method.getName()).isNotEqualTo("ids");
                assertThat(form == null ? null : form.value()).as(method.getName()).isNotEqualTo("ids");
            }
            jakarta.ws.rs.Path path = method.getAnnotation(jakarta.ws.rs.Path.class);
            assertThat(path.value()).as("a node or edge, never the root a multi-id read goes to").matches("/\\{version}/.+");
        }
    }
}
