package dev.salesbot.sandbox.facebook;

import com.sun.net.httpserver.HttpServer;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static dev.salesbot.sandbox.facebook.SandboxFacebookFixture.APP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Meta's side of webhooks, against a loopback server playing the app: the verification request,
 * signed notifications only for fields both subscriptions include, retries, duplicates.
 */
class FacebookDeliveriesTest {

    record Received(String method, String query, String signature256, byte[] body) {
    }

    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failFirst = new AtomicInteger();
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2);
    private final SandboxFacebookFixture facebook = new SandboxFacebookFixture(2);
    private HttpServer app;
    private FacebookDeliveries deliveries;
    private String callback;
    private String pageId;

    @BeforeEach
    void start() throws IOException {
        app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        app.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String query = exchange.getRequestURI().getRawQuery();
            received.add(new Received(exchange.getRequestMethod(), query, exchange.getRequestHeaders().getFirst("X-Hub-Signature-256"), body));
            if (exchange.getRequestMethod().equals("GET")) {
                String challenge = query.replaceAll(".*hub.challenge=(\\d+).*", "$1");
                byte[] answer = (query.contains("hub.verify_token=right") ? challenge : "nope").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            } else {
                exchange.sendResponseHeaders(failFirst.getAndDecrement() > 0 ? 503 : 200, -1);
            }
            exchange.close();
        });
        app.start();
        callback = "http://127.0.0.1:" + app.getAddress().getPort() + "/hook";
        deliveries = new FacebookDeliveries();
        deliveries.sandbox = facebook.sandbox;
        deliveries.retryMillis = 10;
        deliveries.deauthorizeUrl = Optional.empty();
        deliveries.dataDeletionUrl = Optional.empty();
        deliveries.scheduler = managed(executor);
        deliveries.wire(null);
        pageId = facebook.firstPageId();
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
        app.stop(0);
    }

    @Test
    void verificationSucceedsOnlyWhenTheCallbackEchoesTheChallenge() {
        assertThat(deliveries.verify(callback, "right")).isEmpty();
        assertThat(deliveries.verify(callback, "wrong")).contains("the response did not match the challenge");
        assertThat(received.peek().query()).startsWith("hub.mode=subscribe&hub.challenge=");
    }

    @Test
    void notifiesSignedChangesOfFieldsBothSubscriptionsInclude() throws Exception {
        subscribe(List.of("name", "phone"), List.of("name"));

        facebook.world.updatePage(pageId, "phone", "+63 2 000 0000"); // the Page is not subscribed to phone
        facebook.world.updatePage(pageId, "name", "Caf\u00e9 Store");

        await(() -> received.size() == 1);
        Thread.sleep(100);
        Received r = received.peek();
        assertThat(received).hasSize(1);
        assertThat(r.signature256()).isEqualTo("sha256=" + HexFormat.of().formatHex(Secrets.hmac(APP_SECRET, r.body())));
        String body = new String(r.body(), StandardCharsets.US_ASCII);
        assertThat(body).contains("\"object\":\"page\"", "\"id\":\"" + pageId + "\"", "\"field\":\"name\"", "Caf\\u00e9");
    }

    @Test
    void retriesAFailedNotificationAtOnceThenLessOften() {
        subscribe(List.of("name"), List.of("name"));
        failFirst.set(3);

        facebook.world.updatePage(pageId, "name", "Retried Store");

        await(() -> received.size() == 4);
        // The sandbox records the delivery once the app's answer is back, a moment after the app saw it.
        await(() -> Long.valueOf(1L).equals(deliveries.log().get("delivered")));
        assertThat(received).extracting(Received::body).allSatisfy(b -> assertThat(b).isEqualTo(received.peek().body()));
        assertThat(deliveries.log()).containsEntry("delivered", 1L).containsEntry("failures", 3L);
    }

    @Test
    void canSendEveryNotificationTwice() {
        subscribe(List.of("name"), List.of("name"));
        deliveries.duplicate(true);

        facebook.world.updatePage(pageId, "name", "Twice Store");

        await(() -> received.size() == 2);
        assertThat(received.stream().map(r -> new String(r.body(), StandardCharsets.US_ASCII)).distinct()).hasSize(1);
    }

    private void subscribe(List<String> appFields, List<String> pageFields) {
        facebook.world.appSubscriptions.put(new AppSubscriptions.Subscription("page", callback, "right", appFields, true, true));
        facebook.world.subscriptions.subscribe(pageId, pageFields);
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 20 s").isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static ManagedScheduledExecutorService managed(ScheduledExecutorService delegate) {
        return (ManagedScheduledExecutorService) Proxy.newProxyInstance(FacebookDeliveriesTest.class.getClassLoader(),
                new Class<?>[]{ManagedScheduledExecutorService.class}, (proxy, method, args) ->
                        ScheduledExecutorService.class.getMethod(method.getName(), method.getParameterTypes()).invoke(delegate, args));
    }
}
