package dev.salesbot.sync.shopify.bulk;

import dev.salesbot.sandbox.shopify.admin.InProcessShopify;
import dev.salesbot.sync.queue.control.Sleeper;
import dev.salesbot.sync.queue.control.SyncParked;
import dev.salesbot.sync.shopify.catalog.BotDigest;
import dev.salesbot.sync.shopify.catalog.CatalogFetch;
import dev.salesbot.sync.shopify.catalog.CatalogFetchTest;
import dev.salesbot.sync.shopify.graphql.PacedGraphql;
import dev.salesbot.sync.shopify.graphql.RetryPolicy;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyAccessDeniedException;
import dev.salesbot.sync.shopify.graphql.ShopifyApp;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyUnavailableException;
import dev.salesbot.sync.shopify.graphql.ThrottlePacer;
import dev.salesbot.sync.storage.control.CanonicalJson;
import dev.salesbot.sync.testing.FakeClock;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 14: the catalog through the sandbox's bulk operations (real schema, restrictions, JSONL,
 * expiring result addresses) gives the same bytes as paging, and each failure ends in a complete
 * snapshot or a clear error, never a partial one.
 */
class BulkCatalogFetchTest {

    static final String STORE = CatalogFetchTest.STORE;

    /** Each store's bucket runs on its own fake clock, which the fetches' pacing advances. */
    private static final Map<InProcessShopify, FakeClock> CLOCKS = new java.util.concurrent.ConcurrentHashMap<>();

    private static InProcessShopify store(int products, String scopes) {
        FakeClock clock = new FakeClock();
        InProcessShopify shopify = new InProcessShopify(STORE, products, 1000, 50, clock, scopes).bulkPace(5_000_000, 0);
        CLOCKS.put(shopify, clock);
        return shopify;
    }

    private static BulkCatalogFetch bulk(InProcessShopify shopify, BulkCatalogFetch.Records records, Duration maxWait) {
        return bulk(shopify, records, maxWait, Sleeper.system(ShopifyUnavailableException::interrupted));
    }

    private static BulkCatalogFetch bulk(InProcessShopify shopify, BulkCatalogFetch.Records records, Duration maxWait, Sleeper sleeper) {
        FakeClock clock = CLOCKS.get(shopify);
        CatalogFetch paging = CatalogFetchTest.fetchFor(shopify::post, clock);
        PacedGraphql graphql = new PacedGraphql(STORE, shopify::post, new ThrottlePacer(clock, clock.sleeper()), RetryPolicy.standard(),
                clock.sleeper(), clock);
        BulkCatalogFetch.Downloads downloads = url -> {
            Optional<InputStream> file = shopify.download(url);
            if (file.isEmpty()) {
                throw new BulkCatalogFetch.Gone("HTTP 403");
            }
            return file.get();
        };
        return new BulkCatalogFetch(STORE, graphql, paging, records, downloads,
                new BulkCatalogFetch.Settings(maxWait, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofMillis(10)),
                sleeper, Clock.systemUTC());
    }

    private static JsonObject paged(int products) {
        InProcessShopify shopify = store(products, ShopifyApp.DEFAULT_SCOPES);
        return CatalogFetchTest.fetchFor(shopify::post, CLOCKS.get(shopify)).all(false);
    }

    /** Several stores, from a handful of products to one with a 5,000-code discount and a product of more than 250 variants. */
    @ParameterizedTest
    @ValueSource(ints = {7, 260, 1000})
    void givesTheSameSnapshotAndDigestBytesAsPaging(int products) {
        InProcessShopify shopify = store(products, ShopifyApp.DEFAULT_SCOPES);
        MemoryBulkRecords records = new MemoryBulkRecords();

        BulkCatalogFetch.Fetched fetched = bulk(shopify, records, Duration.ofMinutes(2)).all(false, n -> { });

        if (products >= 1000) {
            assertThat(shopify.productWithMostVariants().size()).as("a product beyond one 250-variant page").isGreaterThan(250);
            assertThat(shopify.discountWithMostCodes().size()).as("a discount of thousands of codes").isGreaterThan(2500);
        }
        JsonObject expected = paged(products);
        assertThat(CanonicalJson.bytes(fetched.document())).isEqualTo(CanonicalJson.bytes(expected));
        Instant at = Instant.parse("2026-12-01T12:00:00Z");
        assertThat(CanonicalJson.bytes(BotDigest.of(fetched.document(), at))).isEqualTo(CanonicalJson.bytes(BotDigest.of(expected, at)));
        assertThat(fetched.how()).isEqualTo("through bulk operations");
        assertThat(shopify.bulkRunQueries()).as("one operation per part").isEqualTo(BulkPart.values().length);
        assertThat(shopify.exchanges()).extracting(InProcessShopify.Exchange::operation)
                .doesNotContain("CatalogProducts", "CatalogProductVariants", "CatalogDiscountCodes", "CatalogCollections");
        int points = shopify.exchanges().stream().mapToInt(InProcessShopify.Exchange::requestedCost).sum();
        assertThat(points).as("points for the whole catalog").isLessThanOrEqualTo(100);
        assertThat(shopify.takeWebhooks()).filteredOn(w -> w.getKey().equals("bulk_operations/finish"))
                .hasSize(BulkPart.values().length)
                .allSatisfy(w -> assertThat(w.getValue().getString("status")).isEqualTo("completed"));
        assertThat(shopify.stats()).containsEntry("invalid", 0L);
    }

    /** Issue 24: the attempt that started the operations waits in its slot at most maxWait, then the sync is parked. */
    @Test
    void aSyncWhoseOperationsStillRunIsParkedAndALaterAttemptResumesThemStartingNone() {
        InProcessShopify shopify = store(260, ShopifyApp.DEFAULT_SCOPES).bulkHold(true);
        MemoryBulkRecords records = new MemoryBulkRecords();
        List<Duration> slept = new java.util.concurrent.CopyOnWriteArrayList<>();
        Sleeper counting = d -> slept.add(d);

        assertThatThrownBy(() -> bulk(shopify, records, Duration.ZERO, counting).all(false, n -> { }))
                .isInstanceOf(SyncParked.class).hasMessageContaining("Waiting for Shopify's bulk operations of " + STORE)
                .hasMessageContaining("of 5 finished");
        assertThat(records.started()).hasSize(BulkPart.values().length);
        assertThatThrownBy(() -> bulk(shopify, records, Duration.ofMinutes(2), counting).all(false, n -> { }))
                .as("a resumed attempt looks once and parks again, whatever its maxWait").isInstanceOf(SyncParked.class);
        assertThat(slept).as("no wait held the slot").isEmpty();
        assertThat(shopify.bulkRunQueries()).as("no second bulkOperationRunQuery").isEqualTo(BulkPart.values().length);

        shopify.bulkHold(false);
        BulkCatalogFetch.Fetched fetched = untilNotParked(() -> bulk(shopify, records, Duration.ZERO, counting).all(false, n -> { }));

        assertThat(shopify.bulkRunQueries()).isEqualTo(BulkPart.values().length);
        assertThat(CanonicalJson.bytes(fetched.document())).isEqualTo(CanonicalJson.bytes(paged(260)));
        assertThat(slept).isEmpty();
    }

    /** A part is run twice at most, even when its second run was parked and resumed by a later attempt: then it is paged. */
    @Test
    void aPartsSecondRunIsItsLastAcrossAttempts() {
        // The five first runs fail; of the five second runs, the products' (the first started) fails too.
        InProcessShopify shopify = store(260, ShopifyApp.DEFAULT_SCOPES).bulkFailNext(6, "TIMEOUT", false).bulkHold(true);
        MemoryBulkRecords records = new MemoryBulkRecords();
        assertThatThrownBy(() -> bulk(shopify, records, Duration.ZERO).all(false, n -> { })).isInstanceOf(SyncParked.class);
        releaseHeld(shopify, 5);

        // Later attempts find the first runs failed, start the reruns, and park on them.
        for (int i = 0; i < 200 && shopify.bulkRunQueries() < 2L * BulkPart.values().length; i++) {
            assertThatThrownBy(() -> bulk(shopify, records, Duration.ZERO).all(false, n -> { })).isInstanceOf(SyncParked.class);
            pause();
        }
        assertThat(shopify.bulkRunQueries()).isEqualTo(2L * BulkPart.values().length);
        releaseHeld(shopify, 5);
        BulkCatalogFetch.Fetched fetched = untilNotParked(() -> bulk(shopify, records, Duration.ZERO).all(false, n -> { }));

        assertThat(shopify.bulkRunQueries()).as("no third run").isEqualTo(2L * BulkPart.values().length);
        assertThat(fetched.how()).contains("products (FAILED (TIMEOUT))", "fetched by paging").doesNotContain("collections");
        assertThat(CanonicalJson.bytes(fetched.document())).isEqualTo(CanonicalJson.bytes(paged(260)));
    }

    @Test
    void aParkedSyncLooksAgainAfterAsLongAsItsOperationsHaveRunFromOneToThirtySeconds() {
        BulkCatalogFetch.Settings settings = BulkCatalogFetch.Settings.defaults(Duration.ofSeconds(5));

        assertThat(settings.recheck(Duration.ZERO)).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.recheck(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.recheck(Duration.ofSeconds(12))).isEqualTo(Duration.ofSeconds(12));
        assertThat(settings.recheck(Duration.ofMinutes(20))).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.recheck(Duration.ofSeconds(-3))).as("a clock behind the database's").isEqualTo(Duration.ofSeconds(1));
    }

    /** Lets the {@code count} operations the hold keeps go, once they are all held; holds the next ones again. */
    private static void releaseHeld(InProcessShopify shopify, int count) {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (shopify.bulkHeld() < count && System.nanoTime() < until) {
            pause();
        }
        assertThat(shopify.bulkHeld()).as("operations held").isEqualTo(count);
        shopify.bulkHold(false);
        while (shopify.bulkHeld() > 0 && System.nanoTime() < until) {
            pause();
        }
        shopify.bulkHold(true);
    }

    /** Attempts until one is not parked: at most 200, 20 ms apart. */
    private static BulkCatalogFetch.Fetched untilNotParked(java.util.function.Supplier<BulkCatalogFetch.Fetched> attempt) {
        SyncParked last = null;
        for (int i = 0; i < 200; i++) {
            try {
                return attempt.get();
            } catch (SyncParked e) {
                last = e;
                pause();
            }
        }
        throw last;
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFailedOperationWithPartialDataIsRunAgainAndItsPartialDataNeverUsed() {
        InProcessShopify shopify = store(260, ShopifyApp.DEFAULT_SCOPES).bulkFailNext(1, "INTERNAL_SERVER_ERROR", true);

        BulkCatalogFetch.Fetched fetched = bulk(shopify, new MemoryBulkRecords(), Duration.ofMinutes(2)).all(false, n -> { });

        assertThat(shopify.bulkRunQueries()).isEqualTo(BulkPart.values().length + 1);
        assertThat(fetched.how()).isEqualTo("through bulk operations");
        assertThat(CanonicalJson.bytes(fetched.document())).isEqualTo(CanonicalJson.bytes(paged(260)));
    }

    @Test
    void aPartThatFailsTwiceIsFetchedByPagingAndTheResultSaysSo() {
        // The five first runs fail, then the reruns of products and collections: both fall back.
        InProcessShopify shopify = store(260, ShopifyApp.DEFAULT_SCOPES).bulkFailNext(7, "TIMEOUT", false);

        BulkCatalogFetch.Fetched fetched = bulk(shopify, new MemoryBulkRecords(), Duration.ofMinutes(2)).all(false, n -> { });

        assertThat(fetched.how()).contains("products (FAILED (TIMEOUT))", "collections (FAILED (TIMEOUT))", "fetched by paging")
                .doesNotContain("discounts");
        assertThat(shopify.exchanges()).extracting(InProcessShopify.Exchange::operation).contains("CatalogProducts", "CatalogCollections")
                .doesNotContain("CatalogCodeDiscounts");
        assertThat(CanonicalJson.bytes(fetched.document())).isEqualTo(CanonicalJson.bytes(paged(260)));
    }

    @Test
    void aCanceledOperationIsRunAgain() {
        InProcessShopify shopify = store(40, ShopifyApp.DEFAULT_SCOPES).bulkCancelNext(2);

        BulkCatalogFetch.Fetched fetched = bulk(shopify, new MemoryBulkRecords(), Duration.ofMinutes(2)).all(false, n -> { });

        assertThat(shopify.bulkRunQueries()).isEqualTo(BulkPart.values().length + 2);
        assertThat(fetched.how()).isEqualTo("through bulk operations");
        assertThat(CanonicalJson.bytes(fetched.document())).isEqualTo(CanonicalJson.bytes(paged(40)));
    }

    @Test
    void anExpiredResultIsRunAgainThenPagedNeverLeftOut() {
        InProcessShopify shopify = store(40, ShopifyApp.DEFAULT_SCOPES).bulkUrlSeconds(0);

        BulkCatalogFetch.Fetched fetched = bulk(shopify, new MemoryBulkRecords(), Duration.ofMinutes(2)).all(false, n -> { });

        assertThat(shopify.bulkRunQueries()).isEqualTo(2L * BulkPart.values().length);
        assertThat(fetched.how()).contains("products (EXPIRED)", "collections (EXPIRED)", "discounts (EXPIRED)", "fetched by paging");
        assertThat(CanonicalJson.bytes(fetched.document())).isEqualTo(CanonicalJson.bytes(paged(40)));
    }

    @Test
    void aQueryTheGrantDoesNotCoverEndsTheSyncAsADenial() {
        InProcessShopify shopify = store(40, "read_products");
        MemoryBulkRecords records = new MemoryBulkRecords();

        assertThatThrownBy(() -> bulk(shopify, records, Duration.ofMinutes(2)).all(false, n -> { }))
                .isInstanceOf(ShopifyAccessDeniedException.class);
        assertThat(records.forgotten()).as("nothing left to resume").isTrue();
    }

    /** Issue 24: https://shopify.dev/changelog/partner-apps-must-enable-bulk-operations-before-use */
    @Test
    void anAppWithoutAccessToBulkQueriesIsToldApartFromAScopeDenialAndStartsNothing() {
        InProcessShopify shopify = store(40, ShopifyApp.DEFAULT_SCOPES).bulkQueries(false);
        MemoryBulkRecords records = new MemoryBulkRecords();

        assertThatThrownBy(() -> bulk(shopify, records, Duration.ofMinutes(2)).all(false, n -> { }))
                .isInstanceOf(BulkQueriesRefused.class).isNotInstanceOf(ShopifyAccessDeniedException.class)
                .hasMessageContaining("Allow bulk queries");
        assertThat(records.of(STORE)).as("no operation on record").isEmpty();
        assertThat(shopify.bulkRunQueries()).isZero();
    }

    @Test
    void everyBulkQueryMeetsShopifysRestrictionsAndTheSchema() {
        for (BulkPart part : BulkPart.values()) {
            assertThat(InProcessShopify.bulkProblems(part.query())).as(part.name()).isEmpty();
        }
    }

    @Test
    void theSandboxRefusesWhatShopifyRefuses() {
        assertThat(InProcessShopify.bulkProblems("{ shop { name } }")).singleElement().asString().contains("at least one connection");
        assertThat(InProcessShopify.bulkProblems("{ nodes(ids: [\"gid://shopify/Product/1\"]) { id } products { edges { node { id } } } }"))
                .anySatisfy(m -> assertThat(m).contains("top-level `nodes`"));
        assertThat(InProcessShopify.bulkProblems("""
                { products { edges { node { id
                    variants { edges { node { id } } }
                    collections { edges { node { id products { edges { node { id variants { edges { node { id } } } } } } } } }
                    media { edges { node { id } } }
                    metafields { edges { node { id } } }
                } } } }
                """)).anySatisfy(m -> assertThat(m).contains("more than 5 connections"))
                .anySatisfy(m -> assertThat(m).contains("more than 2 levels"));
        assertThat(InProcessShopify.bulkProblems("{ products { edges { node { nope } } } }")).singleElement().asString()
                .contains("Invalid bulk query");
        assertThat(InProcessShopify.bulkProblems("query Q($n: Int) { products(first: $n) { edges { node { id } } } }"))
                .singleElement().asString().contains("variables");
    }
}
