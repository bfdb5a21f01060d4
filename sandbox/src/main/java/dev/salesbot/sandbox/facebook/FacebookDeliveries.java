package dev.salesbot.sandbox.facebook;

import dev.salesbot.sandbox.SandboxJson;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the simulated Meta sends to the app, as Meta sends it:
 * <ul>
 * <li><b>verification requests</b> when {@code POST /{app-id}/subscriptions} is called:
 * {@code GET callback_url?hub.mode=subscribe&hub.challenge=<int>&hub.verify_token=<token>}, which
 * must be answered 200 with exactly the challenge
 * (https://developers.facebook.com/docs/graph-api/webhooks/getting-started/);</li>
 * <li><b>event notifications</b> when a Page field changes that both the app subscription for
 * {@code page} and the Page's {@code subscribed_apps} include: a POST of
 * {@code {"object":"page","entry":[{"id","time","changes":[{"field","value"}]}]}} signed with
 * {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body, keyed with the app secret>} (and
 * the older {@code X-Hub-Signature: sha1=…}); anything but a 2xx is retried at once, then a few
 * more times with decreasing frequency (Meta spreads them over 36 hours; the sandbox over
 * {@code SANDBOX_FACEBOOK_WEBHOOK_RETRY_MILLIS} × 63), then dropped; a knob sends every
 * notification twice, as Meta's at-least-once delivery can;</li>
 * <li><b>signed requests</b> to the app dashboard's Deauthorize and Data Deletion callback URLs
 * ({@code SANDBOX_FACEBOOK_DEAUTHORIZE_URL}, {@code SANDBOX_FACEBOOK_DATA_DELETION_URL}): a form
 * POST of {@code signed_request=<base64url HMAC-SHA256 signature>.<base64url JSON payload>}
 * (https://developers.facebook.com/docs/development/create-an-app/app-dashboard/data-deletion-callback).</li>
 * </ul>
 */
@ApplicationScoped
public class FacebookDeliveries {

    static final int RETRIES = 7;
    private static final System.Logger LOGGER = System.getLogger(FacebookDeliveries.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    FacebookSandbox sandbox;

    @Inject
    @ConfigProperty(name = "SANDBOX_FACEBOOK_WEBHOOK_RETRY_MILLIS", defaultValue = "500")
    long retryMillis;

    @Inject
    @ConfigProperty(name = "SANDBOX_FACEBOOK_DEAUTHORIZE_URL")
    Optional<String> deauthorizeUrl;

    @Inject
    @ConfigProperty(name = "SANDBOX_FACEBOOK_DATA_DELETION_URL")
    Optional<String> dataDeletionUrl;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private volatile boolean duplicate;

    /** An answer the app gave to a callback the sandbox sent. */
    public record Answer(int status, String body) {
    }

    void wire(@Observes Startup startup) {
        FacebookWorld world = sandbox.world();
        world.events(this::changed);
        world.verifier(this::verify);
    }

    void changed(String pageId, String field, String value) {
        FacebookWorld world = sandbox.world();
        Optional<AppSubscriptions.Subscription> app = world.appSubscriptions.of("page")
                .filter(AppSubscriptions.Subscription::active).filter(s -> s.fields().contains(field));
        boolean pageSubscribed = world.subscriptions.fields(pageId).map(f -> f.contains(field)).orElse(false);
        if (app.isEmpty() || !pageSubscribed) {
            LOGGER.log(System.Logger.Level.DEBUG, "Sandbox Facebook: no subscription for {0} of Page {1}; nothing sent", field, pageId);
            return;
        }
        JsonObjectBuilder change = SandboxJson.JSON.createObjectBuilder().add("field", field);
        if (app.get().includeValues()) {
            change.add("value", value);
        }
        // Meta sends (and signs) the payload with non-ASCII characters escaped as lowercase \\u sequences.
        byte[] body = escapeUnicode(SandboxJson.JSON.createObjectBuilder().add("object", "page").add("entry", SandboxJson.JSON.createArrayBuilder()
                        .add(SandboxJson.JSON.createObjectBuilder().add("id", pageId).add("time", Instant.now().getEpochSecond())
                                .add("changes", SandboxJson.JSON.createArrayBuilder().add(change))))
                .build().toString()).getBytes(StandardCharsets.US_ASCII);
        String url = app.get().callbackUrl();
        schedule(url, body, 0, Duration.ZERO);
        if (duplicate) {
            schedule(url, body, 0, Duration.ofMillis(50));
        }
    }

    Optional<String> verify(String callbackUrl, String verifyToken) {
        String challenge = Integer.toString(1_000_000_000 + RANDOM.nextInt(1_000_000_000));
        String separator = callbackUrl.contains("?") ? "&" : "?";
        URI uri = URI.create(callbackUrl + separator + "hub.mode=subscribe&hub.challenge=" + challenge
                + "&hub.verify_token=" + URLEncoder.encode(verifyToken, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                return Optional.of("the URL answered HTTP " + answer.statusCode());
            }
            if (!answer.body().equals(challenge)) {
                return Optional.of("the response did not match the challenge");
            }
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of("the URL could not be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /** The user removed the app: their tokens are revoked and the Deauthorize callback is sent. */
    public Answer deauthorize() {
        int revoked = sandbox.revokeUser();
        LOGGER.log(System.Logger.Level.INFO, "Sandbox Facebook: the user removed the app; {0} token(s) revoked", revoked);
        return sendSignedRequest(deauthorizeUrl, "SANDBOX_FACEBOOK_DEAUTHORIZE_URL");
    }

    /** The user asked for their data to be deleted: the Data Deletion callback is sent. */
    public Answer requestDataDeletion() {
        return sendSignedRequest(dataDeletionUrl, "SANDBOX_FACEBOOK_DATA_DELETION_URL");
    }

    /** {@code base64url(HMAC-SHA256(payload part, app secret)) + "." + base64url(payload)}, as Meta signs them. */
    static String signedRequest(String appSecret, String payloadJson) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String payload = url.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        return url.encodeToString(Secrets.hmac(appSecret, payload.getBytes(StandardCharsets.US_ASCII))) + "." + payload;
    }

    public void duplicate(boolean on) {
        duplicate = on;
    }

    public Map<String, Object> log() {
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("attempts", attempts.get());
        log.put("failures", failures.get());
        log.put("delivered", delivered.get());
        log.put("duplicate", duplicate);
        return log;
    }

    public void reset() {
        attempts.set(0);
        failures.set(0);
        delivered.set(0);
    }

    private Answer sendSignedRequest(Optional<String> configured, String setting) {
        String url = configured.map(String::trim).filter(u -> !u.isEmpty()).orElseThrow(() -> new IllegalStateException(
                "The sandbox app dashboard has no callback URL: set " + setting));
        long now = Instant.now().getEpochSecond();
        String payload = SandboxJson.JSON.createObjectBuilder().add("algorithm", "HMAC-SHA256").add("expires", 0).add("issued_at", now)
                .add("user_id", sandbox.userId()).build().toString();
        String form = "signed_request=" + URLEncoder.encode(signedRequest(sandbox.world().settings().appSecret(), payload),
                StandardCharsets.UTF_8);
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(answer.statusCode(), answer.body());
        } catch (IOException e) {
            return new Answer(0, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted");
        }
    }

    private void schedule(String url, byte[] body, int retry, Duration delay) {
        scheduler.schedule(() -> attempt(url, body, retry), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void attempt(String url, byte[] body, int retry) {
        attempts.incrementAndGet();
        int status = post(url, body);
        if (status >= 200 && status < 300) {
            delivered.incrementAndGet();
            return;
        }
        failures.incrementAndGet();
        if (retry < RETRIES) {
            // At once, then less and less often.
            schedule(url, body, retry + 1, retry == 0 ? Duration.ZERO : Duration.ofMillis(retryMillis << (retry - 1)));
        } else {
            LOGGER.log(System.Logger.Level.WARNING, "Sandbox Facebook dropped a notification to {0} after {1} attempts", url, RETRIES + 1);
        }
    }

    private int post(String url, byte[] body) {
        String appSecret = sandbox.world().settings().appSecret();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json")
                    .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(Secrets.hmac(appSecret, body)))
                    .header("X-Hub-Signature", "sha1=" + HexFormat.of().formatHex(hmacSha1(appSecret, body)))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | IllegalArgumentException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    static String escapeUnicode(String json) {
        StringBuilder out = new StringBuilder(json.length());
        for (char c : json.toCharArray()) {
            if (c < 0x80) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    private static byte[] hmacSha1(String key, byte[] message) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return mac.doFinal(message);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
