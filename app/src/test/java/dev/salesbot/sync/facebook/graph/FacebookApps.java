package dev.salesbot.sync.facebook.graph;

import java.util.Optional;

/** {@link FacebookApp} as a unit test configures it (a server injects its fields from configuration). */
public final class FacebookApps {

    private FacebookApps() {
    }

    public static FacebookApp withSecret(String appSecret) {
        FacebookApp app = new FacebookApp();
        app.appSecret = Optional.ofNullable(appSecret);
        return app;
    }

    /** With the default webhook fields, as a server without {@code FACEBOOK_WEBHOOK_FIELDS} has them. */
    public static FacebookApp withDefaultFields(String appSecret) {
        FacebookApp app = withSecret(appSecret);
        app.webhookFields = FacebookApp.DEFAULT_WEBHOOK_FIELDS;
        return app;
    }
}
