package dev.salesbot.sandbox.shopify.admin;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The record of who called a store: what the cluster test reads to prove no store was run by two servers at once. */
class ShopStatsTest {

    final ShopStats stats = new ShopStats();

    @Test
    @SuppressWarnings("unchecked")
    void consecutiveCallsOfOneCallerAreOneRunWithTheOperationsTheyNamed() {
        call("salesbot-sync (server-b)", "CatalogShop");
        call("salesbot-sync (server-b)", "CatalogProducts");
        call("salesbot-sync (server-b)", "CatalogProducts");
        call("salesbot-sync (server-a)", "CatalogShop");

        Map<String, Object> snapshot = stats.snapshot();
        List<Map<String, Object>> callers = (List<Map<String, Object>>) snapshot.get("callers");
        assertThat(callers).extracting(run -> run.get("caller")).containsExactly("salesbot-sync (server-b)", "salesbot-sync (server-a)");
        assertThat(callers.get(0)).containsEntry("calls", 3L).containsEntry("operations", Map.of("CatalogShop", 1L, "CatalogProducts", 2L));
        assertThat(snapshot).containsEntry("overlappingCalls", 0L);
    }

    @Test
    void aCallBegunWhileAnotherCallersIsAnsweredIsAnOverlap() {
        stats.begin("server-a", "CatalogProducts");
        stats.begin("server-a", "CatalogCollections"); // the same caller twice at once is not what this counts
        assertThat(stats.snapshot()).containsEntry("overlappingCalls", 0L);
        stats.begin("server-b", "CatalogShop");
        assertThat(stats.snapshot()).containsEntry("overlappingCalls", 1L);
        stats.end("server-b");
        stats.end("server-a");
        stats.end("server-a");
        call("server-b", "CatalogShop");
        assertThat(stats.snapshot()).as("answered calls overlap nothing").containsEntry("overlappingCalls", 1L);

        stats.reset();
        assertThat(stats.snapshot()).containsEntry("overlappingCalls", 0L).containsEntry("callers", List.of());
    }

    /** What the rate limit alone forces: each query sent once the bucket holds its requested cost, refunded to its actual cost. */
    @Test
    void theMinimumWaitIsThatOfAClientAsFastAsTheBucketAllows() {
        LeakyBucket.Status bucket = new LeakyBucket.Status(1000, 0, 50);
        stats.cost(1000, 200, bucket); // a full bucket: at once, 800 left
        stats.cost(1000, 100, bucket); // 200 missing: 4 s at 50/s, then 900 left
        stats.cost(500, 500, bucket);  // at once
        assertThat((Double) stats.snapshot().get("minimumWaitSeconds")).isCloseTo(4.0, org.assertj.core.data.Offset.offset(1e-9));

        stats.reset();
        stats.cost(1000, 1000, bucket);
        assertThat((Double) stats.snapshot().get("minimumWaitSeconds")).as("a reset starts from a full bucket").isZero();
        stats.cost(1000, 1000, bucket);
        assertThat((Double) stats.snapshot().get("minimumWaitSeconds")).isCloseTo(20.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theOperationIsTheRequestsNameOrTheQuerysOwn() {
        assertThat(SandboxShops.operationOf("query CatalogShop { shop { name } }", null)).isEqualTo("CatalogShop");
        assertThat(SandboxShops.operationOf("  mutation RegisterWebhook($t: X) { a }", null)).isEqualTo("RegisterWebhook");
        assertThat(SandboxShops.operationOf("query A { a } query B { b }", "B")).isEqualTo("B");
        assertThat(SandboxShops.operationOf("{ shop { name } }", null)).isEqualTo("anonymous");
        assertThat(ShopifyAdminResource.caller(null)).isEqualTo("unknown");
        assertThat(ShopifyAdminResource.caller("a\nb")).isEqualTo("a?b");
    }

    private void call(String caller, String operation) {
        stats.begin(caller, operation);
        stats.end(caller);
    }
}
