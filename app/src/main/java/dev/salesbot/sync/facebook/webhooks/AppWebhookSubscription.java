package dev.salesbot.sync.facebook.webhooks;

import dev.salesbot.sync.facebook.graph.FacebookApp;
import dev.salesbot.sync.facebook.graph.GraphClient;
import dev.salesbot.sync.facebook.graph.GraphException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The app-level webhook subscription for Pages (https://developers.facebook.com/docs/graph-api/reference/app/subscriptions/):
 * {@code object=page}, {@code callback_url = FACEBOOK_WEBHOOK_ADDRESS}, {@code verify_token =
 * FACEBOOK_VERIFY_TOKEN}, the configured fields. Read first with the app token; created or replaced
 * only when it does not match (Meta then sends a verification request to the address, which
 * {@code GET /facebook/webhook} answers). Each Page still subscribes the app through
 * {@code subscribed_apps}; without this subscription Meta would send nothing.
 */
@ApplicationScoped
public class AppWebhookSubscription {

    /** Whether the subscription matches now; {@code problem} says why not. */
    public record State(boolean matches, String problem) {
    }

    private static final System.Logger LOGGER = System.getLogger(AppWebhookSubscription.class.getName());

    @Inject
    FacebookApp app;

    @Inject
    GraphClient graph;

    public State ensure() {
        Optional<String> address = app.webhookAddress();
        if (address.isEmpty()) {
            return new State(false, "FACEBOOK_WEBHOOK_ADDRESS is not set, so the app is not subscribed to Page webhooks.");
        }
        Optional<String> verifyToken = app.verifyToken();
        if (verifyToken.isEmpty()) {
            return new State(false, "FACEBOOK_VERIFY_TOKEN is not set, so Meta's verification request could not be answered.");
        }
        List<String> fields = app.webhookFields();
        try {
            Optional<GraphClient.AppSubscription> current = graph.appSubscription("page");
            if (current.isPresent() && matches(current.get(), address.get(), fields)) {
                LOGGER.log(System.Logger.Level.INFO, "App webhook subscription for pages already matches: {0}", String.join(",", fields));
                return new State(true, null);
            }
            graph.subscribeApp(address.get(), verifyToken.get(), fields);
            LOGGER.log(System.Logger.Level.INFO, "App webhook subscription for pages set to {0}: {1}", address.get(), String.join(",", fields));
            return new State(true, null);
        } catch (GraphException e) {
            LOGGER.log(System.Logger.Level.WARNING, "App webhook subscription for pages failed: {0}", e.getMessage());
            return new State(false, "Subscribing the app to Page webhooks failed: " + e.getMessage() + ".");
        }
    }

    static boolean matches(GraphClient.AppSubscription current, String address, List<String> fields) {
        return current.active() && current.callbackUrl().equals(address) && new HashSet<>(current.fields()).equals(new HashSet<>(fields));
    }
}
