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
}
