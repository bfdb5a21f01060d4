package dev.salesbot.sandbox.shopify.admin;

import com.sun.net.httpserver.HttpServer;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox delivers webhooks as Shopify does: signed with the app secret over the raw body, with
 * Shopify's headers, retried 8 times on failure with the same webhook id, then the subscription is
 * deleted; and it can send every webhook twice. A loopback HTTP server plays the app.
 */
class WebhookDeliveriesTest {

    static final String SECRET = "sandbox-test-secret";

    record Received(String topic, String hmac, String shop, String webhookId, String eventId, String version, String triggeredAt, byte[] body) {
    }

    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failFirst = new AtomicInteger();
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2);
    private HttpServer app;
    private WebhookDeliveries deliveries;
    private SandboxShop shop;

    @BeforeEach
    void start() throws IOException {
        app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        app.createContext("/hooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var h = exchange.getRequestHeaders();
            received.add(new Received(h.getFirst("X-Shopify-Topic"), h.getFirst("X-Shopify-Hmac-Sha256"),
                    h.getFirst("X-Shopify-Shop-Domain"), h.getFirst("X-Shopify-Webhook-Id"), h.getFirst("X-Shopify-Event-Id"),
                    h.getFirst("X-Shopify-API-Version"), h.getFirst("X-Shopify-Triggered-At"), body));
            int status = failFirst.getAndDecrement() > 0 ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        app.start();
        deliveries = new WebhookDeliveries();
        deliveries.apiSecret = SECRET;
        deliveries.retryMillis = 10;
        deliveries.complianceAddress = Optional.empty();
        deliveries.scheduler = managed(executor);
        shop = new SandboxStores().store(3);
        shop.webhooks().add("PRODUCTS_UPDATE", "http://127.0.0.1:" + app.getAddress().getPort() + "/hooks", "JSON",
                List.of(), null, null, Instant.now());
        shop.onEvent((topic, payload) -> deliveries.deliver(shop, topic, payload));
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
        app.stop(0);
    }

    @Test
    void sendsASignedDeliveryWithShopifysHeaders() throws Exception {
        shop.emit("products/update", Map.of("id", 42, "title", "Board"));

        await(() -> received.size() == 1);
        Received r = received.peek();
        assertThat(r.topic()).isEqualTo("products/update");
        assertThat(r.shop()).isEqualTo(shop.name());
        assertThat(r.version()).isEqualTo(AdminSchema.API_VERSION);
        assertThat(r.webhookId()).isNotBlank();
        assertThat(r.eventId()).isNotBlank();
        assertThat(Instant.parse(r.triggeredAt())).isBeforeOrEqualTo(Instant.now());
        assertThat(r.hmac()).isEqualTo(sign(r.body()));
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("\"title\":\"Board\"");
        assertThat(shop.deliveries().snapshot()).containsEntry("attempts", 1L).containsEntry("failures", 0L);
    }

    @Test
    void retriesAFailedDeliveryWithTheSameWebhookIdUntilItIsAnswered() throws Exception {
        failFirst.set(3);

        shop.emit("products/update", Map.of("id", 42));

        await(() -> received.size() == 4);
        assertThat(received).extracting(Received::webhookId).containsOnly(received.peek().webhookId());
        assertThat(received).extracting(Received::body).allSatisfy(b -> assertThat(b).isEqualTo(received.peek().body()));
        assertThat(shop.deliveries().snapshot()).containsEntry("attempts", 4L).containsEntry("failures", 3L);
        assertThat(shop.webhooks().all()).hasSize(1);
    }

    @Test
    void deletesTheSubscriptionAfterEightFailedRetries() throws Exception {
        failFirst.set(Integer.MAX_VALUE);

        shop.emit("products/update", Map.of("id", 42));

        await(() -> shop.webhooks().all().isEmpty());
        assertThat(received).hasSize(1 + WebhookDeliveries.RETRIES);
        assertThat(shop.deliveries().snapshot()).containsEntry("subscriptionsRemoved", 1L);
    }

    @Test
    void canSendEveryWebhookTwiceWithOneId() throws Exception {
        shop.deliveries().duplicate(true);

        shop.emit("products/update", Map.of("id", 42));

        await(() -> received.size() == 2);
        assertThat(received).extracting(Received::webhookId).containsOnly(received.peek().webhookId());
    }

    @Test
    void sendsOnlyToSubscriptionsOfTheTopic() throws Exception {
        shop.emit("products/delete", Map.of("id", 42));
        shop.emit("products/update", Map.of("id", 43));

        await(() -> received.size() == 1);
        Thread.sleep(200);
        assertThat(received).extracting(Received::topic).containsExactly("products/update");
    }

    private static String sign(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 20 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** The container's executor, played by a plain one: every method it inherits is delegated. */
    private static ManagedScheduledExecutorService managed(ScheduledExecutorService delegate) {
        return (ManagedScheduledExecutorService) Proxy.newProxyInstance(WebhookDeliveriesTest.class.getClassLoader(),
                new Class<?>[]{ManagedScheduledExecutorService.class}, (proxy, method, args) -> {
                    try {
                        return ScheduledExecutorService.class.getMethod(method.getName(), method.getParameterTypes()).invoke(delegate, args);
                    } catch (NoSuchMethodException e) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                });
    }
}
