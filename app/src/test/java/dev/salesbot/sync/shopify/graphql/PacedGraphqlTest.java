package dev.salesbot.sync.shopify.graphql;

import dev.salesbot.sync.shopify.graphql.errors.ShopifyQueryException;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyThrottledException;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyUnauthorizedException;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyUnavailableException;
import dev.salesbot.sandbox.shopify.admin.InProcessShopify.Exchange;
import dev.salesbot.sandbox.shopify.admin.InProcessShopify;
import dev.salesbot.sync.shopify.catalog.CatalogFetchTest;
import dev.salesbot.sync.shopify.catalog.CatalogQueries;
import dev.salesbot.sync.shopify.graphql.buckets.BucketBoard;
import dev.salesbot.sync.shopify.graphql.buckets.BucketReport;
import dev.salesbot.sync.testing.FakeClock;
import dev.salesbot.sync.testing.SampleCatalog;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PacedGraphqlTest {

    private static final String SHOP = SampleCatalog.SHOP;
    private static final String TOKEN = "shpat_00000000000000000000000000000000";
    private static final GraphqlQuery PRODUCTS = CatalogQueries.PRODUCTS;
    private static final int COST = CatalogQueries.PRODUCTS_COST;

    private final FakeClock clock = new FakeClock();
    private final Deque<Supplier<JsonObject>> answers = new ArrayDeque<>();
    private int sent;
    private final GraphqlTransport scripted = (query, variables) -> {
        sent++;
        return answers.isEmpty() ? ok(COST, 1000) : answers.poll().get();
    };
    private final RetryPolicy noJitter = new RetryPolicy(8, Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofMinutes(3), () -> 0.0);
    private final PacedGraphql graphql = new PacedGraphql(SHOP, scripted, new ThrottlePacer(clock, clock.sleeper()),
            noJitter, clock.sleeper(), clock);

    @Test
    void retriesAThrottledAnswerAfterExactlyTheTimeTheBucketNeeds() {
        answers.add(() -> throttled(COST, 100));

        graphql.data(PRODUCTS, JsonValue.EMPTY_JSON_OBJECT, COST);

        // (857 − 100) ÷ 50 points per second = 15.14 s
        assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(15_140));
        assertThat(sent).isEqualTo(2);
        assertThat(graphql.stats().throttled()).isEqualTo(1);
    }

    @Test
    void waitsBeforeARequestTheBucketCannotPay() {
        answers.add(() -> ok(COST, 200));
        graphql.data(PRODUCTS, JsonValue.EMPTY_JSON_OBJECT, COST);

        graphql.data(PRODUCTS, JsonValue.EMPTY_JSON_OBJECT, COST);

        // (857 − 200) ÷ 50 = 13.14 s, and nothing when the bucket can already pay.
        assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(13_140));
    }

    @Test
    void sharesEachAnswersCostReportAndPacesOnTheLowerSharedEstimate() {
        java.util.List<Double> written = new java.util.ArrayList<>();
        // Another server's report, a moment old: 100 points left.
        BucketBoard board = new BucketBoard() {
            @Override
            public java.util.Optional<BucketReport> read(String shop) {
                return java.util.Optional.of(new BucketReport(100, 1000, 50, COST, Duration.ZERO));
            }

            @Override
            public void write(String shop, double currentlyAvailable, double maximumAvailable, double restoreRate, int requested) {
                written.add(currentlyAvailable);
            }
        };
        PacedGraphql holder = new PacedGraphql(SHOP, scripted, new ThrottlePacer(clock, clock.sleeper()), noJitter,
                clock.sleeper(), clock, board, false);

        holder.data(PRODUCTS, JsonValue.EMPTY_JSON_OBJECT, COST);

        // (857 − 100) ÷ 50 = 15.14 s before the first request, though this server had seen nothing yet.
        assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(15_140));
        assertThat(written).containsExactly(1000.0);
    }

    @Test
    void aBoardThatFailsCostsTheSharedViewNotTheRequest() {
        BucketBoard broken = new BucketBoard() {
            @Override
            public java.util.Optional<BucketReport> read(String shop) {
                throw new IllegalStateException("database away");
            }

            @Override
            public void write(String shop, double currentlyAvailable, double maximumAvailable, double restoreRate, int requested) {
                throw new IllegalStateException("database away");
            }
        };
        PacedGraphql outside = new PacedGraphql(SHOP, scripted, new ThrottlePacer(clock, clock.sleeper()), noJitter,
                clock.sleeper(), clock, broken, true);

        assertThat(outside.data(PRODUCTS, JsonValue.EMPTY_JSON_OBJECT, COST).containsKey("products")).isTrue();
        assertThat(sent).isEqualTo(1);
    }

    @Test
    void honoursRetryAfterOnHttp429() {
        answers.add(() -> {
            throw new ShopifyThrottledException("HTTP 429", Duration.ofSeconds(7));
        });

        graphql.data(PRODUCTS, JsonValue.EMPTY_JSON_OBJECT, COST);

        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void backsOffExponentiallyOnOutagesThenGivesUpWithAClearException() {
        for (int i = 0; i < 20; i++) {
            answers.add(() -> {
                throw new ShopifyUnavailableException("Shopify Admin API unavailable (HTTP 503)");
            });
        }

        assertThatThrownBy(() -> graphql.data(PRODUCTS, JsonValue.EMPTY_JSON_OBJECT, COST))
                .isInstanceOf(ShopifyUnavailableException.class)
                .hasMessageContaining("CatalogProducts")
                .hasMessageContaining(SHOP)
                .hasMessageContaining("after 8 attempts")
                .hasMessageNotContaining(TOKEN);
        assertThat(sent).isEqualTo(8);
        // Equal jitter with a random of 0 gives half of 1, 2, 4, 8, 16, 30, 30 s.
        assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(15), Duration.ofSeconds(15));
    }

    @Test
    void keepsThrottledRetriesBoundedToo() {
        for (int i = 0; i < 20; i++) {
            answers.add(() -> throttled(COST, 0));
        }

        assertThatThrownBy(() -> graphql.data(PRODUCTS, JsonValue.EMPTY_JSON_OBJECT, COST))
                .isInstanceOf(ShopifyThrottledException.class)
                .hasMessageContaining("after 8 attempts");
        assertThat(sent).isEqualTo(8);
    }

    @Test
    void neverRetriesOtherGraphqlErrors() {
        answers.add(() -> Json.createObjectBuilder()
                .add("errors", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("message", "Access denied for products field.")
                        .add("extensions", Json.createObjectBuilder().add("code", "ACCESS_DENIED"))))
                .build());

        assertThatThrownBy(() -> graphql.data(PRODUCTS, JsonValue.EMPTY_JSON_OBJECT, COST))
                .isInstanceOf(ShopifyQueryException.class)
                .hasMessageContaining("Access denied for products field.");
        assertThat(sent).isEqualTo(1);
    }

    @Test
    void neverRetriesARefusedToken() {
        answers.add(() -> {
            throw new ShopifyUnauthorizedException("Shopify Admin API refused the access token (HTTP 401)");
        });

        assertThatThrownBy(() -> graphql.data(PRODUCTS, JsonValue.EMPTY_JSON_OBJECT, COST))
                .isInstanceOf(ShopifyUnauthorizedException.class);
        assertThat(sent).isEqualTo(1);
    }

    @Test
    void recoversFromAnEmptiedBucketWithoutAnyThrottledAnswerReachingTheCaller() {
        InProcessShopify shopify = CatalogFetchTest.standardPlan(36, clock);
        shopify.drainBucket();

        CatalogFetchTest.fetchFor(shopify::post, clock).all(false);

        assertThat(shopify.exchanges()).filteredOn(Exchange::throttled).hasSize(1);
        assertThat(shopify.exchanges().get(shopify.exchanges().size() - 1).throttled()).isFalse();
    }

    private static JsonObject ok(int requested, double available) {
        return Json.createObjectBuilder()
                .add("data", Json.createObjectBuilder().add("products", Json.createObjectBuilder()))
                .add("extensions", cost(requested, requested / 10, available))
                .build();
    }

    private static JsonObject throttled(int requested, double available) {
        return Json.createObjectBuilder()
                .add("errors", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("message", "Throttled")
                        .add("extensions", Json.createObjectBuilder().add("code", "THROTTLED"))))
                .add("extensions", cost(requested, null, available))
                .build();
    }

    private static JsonObject cost(int requested, Integer actual, double available) {
        var cost = Json.createObjectBuilder().add("requestedQueryCost", requested);
        if (actual == null) {
            cost.addNull("actualQueryCost");
        } else {
            cost.add("actualQueryCost", actual);
        }
        cost.add("throttleStatus", Json.createObjectBuilder()
                .add("maximumAvailable", 1000.0).add("currentlyAvailable", available).add("restoreRate", 50.0));
        return Json.createObjectBuilder().add("cost", cost).build();
    }
}
