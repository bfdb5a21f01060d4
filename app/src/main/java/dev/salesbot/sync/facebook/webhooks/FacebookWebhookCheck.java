package dev.salesbot.sync.facebook.webhooks;

import dev.salesbot.sync.facebook.graph.FacebookApp;
import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.security.control.Hmac;
import dev.salesbot.sync.webhooks.control.TestDelivery.Result;
import dev.salesbot.sync.webhooks.control.TestDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The Facebook callback's {@code webhook_test}: success when the app's Page subscription matches
 * (see {@link AppWebhookSubscription}) and a delivery signed as Meta signs them, sent to
 * {@code FACEBOOK_WEBHOOK_ADDRESS}, was recognised as this server's test ({@link TestDelivery});
 * otherwise failed, saying what and why.
 */
@ApplicationScoped
public class FacebookWebhookCheck {

    private static final System.Logger LOGGER = System.getLogger(FacebookWebhookCheck.class.getName());

    @Inject
    FacebookApp app;

    public Result run(AppWebhookSubscription.State subscription) {
        Result result;
        Optional<String> address = app.webhookAddress();
        if (!subscription.matches()) {
            result = Result.failed(subscription.problem());
        } else if (address.isEmpty()) {
            result = Result.failed("FACEBOOK_WEBHOOK_ADDRESS is not set.");
        } else {
            result = deliver(address.get());
        }
        LOGGER.log(System.Logger.Level.INFO, "Facebook webhook test result: {0}", result.seedForm());
        return result;
    }

    private Result deliver(String address) {
        byte[] body = Jsonp.createObjectBuilder().add(FacebookWebhookReceipts.TEST_MARKER, true).add("object", "page")
                .add("entry", Jsonp.createArrayBuilder()).build().toString().getBytes(StandardCharsets.UTF_8);
        return TestDelivery.send(address, body,
                Map.of("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(Hmac.sha256(app.appSecret(), body))));
    }
}
