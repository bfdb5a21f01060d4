package dev.salesbot.sync.webhooks.control;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The {@code webhook_test} of a connect answer, with the tutorial's meaning, for both platforms: a
 * delivery signed as the platform signs them, sent to this server's own webhook address, must be
 * answered 200 and recognised as this server's test ({@link Receipt#TEST}: it starts no sync).
 * At most a few seconds (1 s to connect, 3 s in all), over HTTP/1.1 as the platforms' deliveries
 * arrive: never a cleartext HTTP/2 upgrade (see README, Limits).
 */
public final class TestDelivery {

    /** {@code status} success, failed (or, for Shopify, pending); {@code message} unless success. */
    public record Result(String status, String message) {

        public static Result failed(String message) {
            return new Result("failed", message);
        }

        /** As the seed logs it: {@code {'status': 'success'}} or with its message. */
        public String seedForm() {
            return message == null ? "{'status': '" + status + "'}" : "{'status': '" + status + "', 'message': '" + message + "'}";
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).followRedirects(HttpClient.Redirect.NEVER).build();

    private TestDelivery() {
    }

    /** POSTs {@code body} (JSON) with the platform's signature {@code headers} to {@code address}. */
    public static Result send(String address, byte[] body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address)).timeout(Duration.ofSeconds(3))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(request::header);
            HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200 && answer.body().contains("\"test\"")) {
                return new Result("success", null);
            }
            return Result.failed("The test delivery to " + address + " was answered HTTP " + answer.statusCode()
                    + (answer.statusCode() == 200 ? " but not recognised as this server's" : "") + ".");
        } catch (IOException | IllegalArgumentException e) {
            return Result.failed("The test delivery to " + address + " got no answer (" + e.getClass().getSimpleName() + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.failed("Interrupted while testing the webhook address.");
        }
    }
}
