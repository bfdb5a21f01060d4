package dev.salesbot.sync.facebook.control;

import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.security.control.Hmac;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The Facebook callback's {@code webhook_test}, with the tutorial's meaning: success when the app's
 * Page subscription matches (see {@link AppWebhookSubscription}) and a delivery signed as Meta signs
 * them, sent to {@code FACEBOOK_WEBHOOK_ADDRESS}, was answered 200 as this server's test (it starts
 * no sync); otherwise failed, saying what and why. At most a few seconds (1 s to connect, 3 s in all).
 */
@ApplicationScoped
public class FacebookWebhookSelfTest {

    /** {@code status} success or failed; {@code message} unless success. */
    public record Result(String status, String message) {
    }

    private static final System.Logger LOGGER = System.getLogger(FacebookWebhookSelfTest.class.getName());

    @Inject
    FacebookApp app;

    /** HTTP/1.1, as Meta's deliveries arrive: never a cleartext HTTP/2 upgrade (see README, Limits). */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).followRedirects(HttpClient.Redirect.NEVER).build();

    public Result run(AppWebhookSubscription.State subscription) {
        Result result;
        Optional<String> address = app.webhookAddress();
        if (!subscription.matches()) {
            result = new Result("failed", subscription.problem());
        } else if (address.isEmpty()) {
            result = new Result("failed", "FACEBOOK_WEBHOOK_ADDRESS is not set.");
        } else {
            result = deliver(address.get());
        }
        LOGGER.log(System.Logger.Level.INFO, "Facebook webhook test result: {0}", result.message() == null
                ? "{'status': 'success'}" : "{'status': '" + result.status() + "', 'message': '" + result.message() + "'}");
        return result;
    }

    private Result deliver(String address) {
        byte[] body = Jsonp.createObjectBuilder().add(FacebookWebhookReceipts.TEST_MARKER, true).add("object", "page")
                .add("entry", Jsonp.createArrayBuilder()).build().toString().getBytes(StandardCharsets.UTF_8);
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(address)).timeout(Duration.ofSeconds(3))
                    .header("Content-Type", "application/json")
                    .header("X-Hub-Signature-256", "sha256=" + java.util.HexFormat.of().formatHex(Hmac.sha256(app.appSecret(), body)))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200 && answer.body().contains("\"test\"")) {
                return new Result("success", null);
            }
            return new Result("failed", "The test delivery to " + address + " was answered HTTP " + answer.statusCode()
                    + (answer.statusCode() == 200 ? " but not recognised as this server's" : "") + ".");
        } catch (IOException | IllegalArgumentException e) {
            return new Result("failed", "The test delivery to " + address + " got no answer (" + e.getClass().getSimpleName() + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result("failed", "Interrupted while testing the webhook address.");
        }
    }
}
