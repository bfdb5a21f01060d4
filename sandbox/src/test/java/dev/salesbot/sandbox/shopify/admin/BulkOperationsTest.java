package dev.salesbot.sandbox.shopify.admin;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox's bulk query operations as Shopify documents them: limits, statuses, JSONL, finish webhook. */
class BulkOperationsTest {

    private static final String PRODUCTS_WITH_VARIANTS = "{ products { edges { node { id title variants { edges { node { id sku } } } } } } }";
    private static final String SCOPES = "read_products,read_discounts,read_inventory";

    private static InProcessShopify store(int products) {
        return new InProcessShopify("bulk-tests.myshopify.com", products, 2000, 100, InstantSource.system(), SCOPES);
    }

    private static JsonObject run(InProcessShopify shopify, String query, boolean group) {
        JsonObject answer = shopify.post("mutation Run($q: String!, $g: Boolean!) { bulkOperationRunQuery(query: $q, groupObjects: $g) {"
                + " bulkOperation { id status } userErrors { field message code } } }",
                Json.createObjectBuilder().add("q", query).add("g", group).build());
        return answer.getJsonObject("data").getJsonObject("bulkOperationRunQuery");
    }

    private static JsonObject awaitEnd(InProcessShopify shopify, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject operation = shopify.post("query S($id: ID!) { bulkOperation(id: $id) { id status errorCode objectCount"
                    + " rootObjectCount fileSize url partialDataUrl } }", Json.createObjectBuilder().add("id", id).build())
                    .getJsonObject("data").getJsonObject("bulkOperation");
            if (!List.of("CREATED", "RUNNING").contains(operation.getString("status"))) {
                return operation;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("operation " + id + " did not end within 20 s");
    }

    private static List<JsonObject> lines(InProcessShopify shopify, String url) throws Exception {
        List<JsonObject> lines = new ArrayList<>();
        try (InputStream in = shopify.download(url).orElseThrow();
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(Json.createReader(new StringReader(line)).readObject());
            }
        }
        return lines;
    }

    /** https://shopify.dev/changelog/partner-apps-must-enable-bulk-operations-before-use */
    @Test
    void anAppWithoutAccessToBulkQueriesIsDeniedOnTheMutationItself() {
        InProcessShopify shopify = store(3).bulkQueries(false);

        JsonObject answer = shopify.post("mutation Run($q: String!) { bulkOperationRunQuery(query: $q) {"
                + " bulkOperation { id status } userErrors { field message code } } }",
                Json.createObjectBuilder().add("q", PRODUCTS_WITH_VARIANTS).build());

        JsonObject error = answer.getJsonArray("errors").getJsonObject(0);
        assertThat(error.getJsonObject("extensions").getString("code")).isEqualTo("ACCESS_DENIED");
        assertThat(error.getJsonArray("path").getString(0)).isEqualTo("bulkOperationRunQuery");
        assertThat(error.getString("message")).startsWith("Access denied for bulkOperationRunQuery field.");
        assertThat(answer.getJsonObject("data").isNull("bulkOperationRunQuery")).isTrue();
        assertThat(shopify.post("{ productsCount { count } }", null).getJsonObject("data").getJsonObject("productsCount").getInt("count"))
                .as("paging is not affected").isEqualTo(3);

        shopify.bulkQueries(true);
        assertThat(run(shopify, PRODUCTS_WITH_VARIANTS, false).getJsonArray("userErrors")).isEmpty();
    }

    @Test
    void completesWithCountsAndChildrenAfterButNotNextToTheirParents() throws Exception {
        InProcessShopify shopify = store(30).bulkPace(1_000_000, 0);
        JsonObject started = run(shopify, PRODUCTS_WITH_VARIANTS, false);
        assertThat(started.getJsonArray("userErrors")).isEmpty();
        assertThat(started.getJsonObject("bulkOperation").getString("status")).isEqualTo("CREATED");

        JsonObject done = awaitEnd(shopify, started.getJsonObject("bulkOperation").getString("id"));

        assertThat(done.getString("status")).isEqualTo("COMPLETED");
        List<JsonObject> lines = lines(shopify, done.getString("url"));
        assertThat(done.getString("objectCount")).isEqualTo(Integer.toString(lines.size()));
        assertThat(done.getString("rootObjectCount")).isEqualTo("30");
        assertThat(Long.parseLong(done.getString("fileSize"))).isPositive();
        assertThat(lines.subList(0, 30)).allSatisfy(l -> assertThat(l.containsKey("__parentId")).isFalse())
                .allSatisfy(l -> assertThat(l.containsKey("variants")).as("nested connections are lines of their own").isFalse());
        assertThat(lines.subList(30, lines.size())).allSatisfy(l -> assertThat(l.getString("__parentId")).startsWith("gid://shopify/Product/"));
        assertThat(shopify.takeWebhooks()).filteredOn(w -> w.getKey().equals("bulk_operations/finish")).singleElement()
                .satisfies(w -> assertThat(w.getValue().getString("status")).isEqualTo("completed"))
                .satisfies(w -> assertThat(w.getValue().getString("admin_graphql_api_id")).isEqualTo(done.getString("id")));
    }

    @Test
    void groupedObjectsFollowTheirParentDirectly() throws Exception {
        InProcessShopify shopify = store(10).bulkPace(1_000_000, 0);
        JsonObject done = awaitEnd(shopify, run(shopify, PRODUCTS_WITH_VARIANTS, true).getJsonObject("bulkOperation").getString("id"));
        List<JsonObject> lines = lines(shopify, done.getString("url"));
        String parent = null;
        for (JsonObject line : lines) {
            if (line.containsKey("__parentId")) {
                assertThat(line.getString("__parentId")).isEqualTo(parent);
            } else {
                parent = line.getString("id");
            }
        }
    }

    @Test
    void aSixthRunningOperationIsRefusedWithLimitReached() {
        InProcessShopify shopify = store(5).bulkPace(1, 60_000);
        for (int i = 0; i < 5; i++) {
            assertThat(run(shopify, PRODUCTS_WITH_VARIANTS, false).getJsonArray("userErrors")).isEmpty();
        }
        JsonObject sixth = run(shopify, PRODUCTS_WITH_VARIANTS, false);
        assertThat(sixth.get("bulkOperation")).isEqualTo(jakarta.json.JsonValue.NULL);
        assertThat(sixth.getJsonArray("userErrors").getJsonObject(0).getString("code")).isEqualTo("LIMIT_REACHED");
        assertThat(shopify.bulkRunQueries()).isEqualTo(5);
    }

    @Test
    void aFailureCanLeavePartialDataAndNoUrl() throws Exception {
        InProcessShopify shopify = store(30).bulkPace(1_000_000, 0).bulkFailNext(1, "TIMEOUT", true);
        JsonObject failed = awaitEnd(shopify, run(shopify, PRODUCTS_WITH_VARIANTS, false).getJsonObject("bulkOperation").getString("id"));
        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getString("errorCode")).isEqualTo("TIMEOUT");
        assertThat(failed.get("url")).isEqualTo(jakarta.json.JsonValue.NULL);
        assertThat(lines(shopify, failed.getString("partialDataUrl"))).isNotEmpty().hasSizeLessThan(Integer.parseInt(failed.getString("objectCount")));
    }

    @Test
    void anExpiredResultIsGoneAndTheOperationExpired() throws Exception {
        InProcessShopify shopify = store(5).bulkPace(1_000_000, 0).bulkUrlSeconds(0);
        JsonObject expired = awaitEnd(shopify, run(shopify, PRODUCTS_WITH_VARIANTS, false).getJsonObject("bulkOperation").getString("id"));
        assertThat(expired.getString("status")).isEqualTo("EXPIRED");
        assertThat(expired.get("url")).isEqualTo(jakarta.json.JsonValue.NULL);
    }

    @Test
    void aQueryBeyondTheGrantFailsWithAccessDenied() throws Exception {
        InProcessShopify shopify = new InProcessShopify("bulk-tests.myshopify.com", 5, 2000, 100, InstantSource.system(), "read_products")
                .bulkPace(1_000_000, 0);
        JsonObject denied = awaitEnd(shopify, run(shopify, "{ discountNodes { edges { node { id } } } }", false)
                .getJsonObject("bulkOperation").getString("id"));
        assertThat(denied.getString("status")).isEqualTo("FAILED");
        assertThat(denied.getString("errorCode")).isEqualTo("ACCESS_DENIED");
    }

    @Test
    void anInvalidQueryIsAUserErrorAndStartsNothing() {
        InProcessShopify shopify = store(5);
        JsonObject refused = run(shopify, "{ shop { name } }", false);
        assertThat(refused.getJsonArray("userErrors").getJsonObject(0).getString("code")).isEqualTo("INVALID");
        assertThat(refused.getJsonArray("userErrors").getJsonObject(0).getJsonArray("field").getString(0)).isEqualTo("query");
        assertThat(shopify.bulkRunQueries()).isZero();
    }
}
