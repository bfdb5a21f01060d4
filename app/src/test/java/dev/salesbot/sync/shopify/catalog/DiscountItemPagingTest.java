package dev.salesbot.sync.shopify.catalog;

import dev.salesbot.sync.shopify.graphql.GraphqlTransport;
import dev.salesbot.sync.shopify.graphql.PacedGraphql;
import dev.salesbot.sync.shopify.graphql.RetryPolicy;
import dev.salesbot.sync.shopify.graphql.ThrottlePacer;
import dev.salesbot.sync.testing.FakeClock;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A discount whose items list more products than its first page holds. The sandbox's seeded
 * discounts apply to all items or to one collection, so this one nested connection is scripted:
 * the follow-up query itself is validated against the real schema in {@link CatalogQueriesTest}.
 */
class DiscountItemPagingTest {

    private static final String VIP_DISCOUNT = "gid://shopify/DiscountCodeNode/9006";
    private static final int VIP_PRODUCTS = 12;

    private final FakeClock clock = new FakeClock();
    private final List<JsonObject> followUps = new ArrayList<>();
    private final GraphqlTransport shopify = (query, variables) -> {
        assertThat(query).isEqualTo(CatalogQueries.DISCOUNT_PRODUCTS.text());
        followUps.add(variables);
        return Json.createObjectBuilder()
                .add("data", Json.createObjectBuilder().add("discountNode", Json.createObjectBuilder()
                        .add("id", VIP_DISCOUNT)
                        .add("discount", Json.createObjectBuilder().add("customerGets", Json.createObjectBuilder()
                                .add("items", Json.createObjectBuilder()
                                        .add("products", products(CatalogQueries.ITEMS_PER_DISCOUNT + 1, VIP_PRODUCTS, false)))))))
                .add("extensions", Json.createObjectBuilder().add("cost", Json.createObjectBuilder()
                        .add("requestedQueryCost", CatalogQueries.DISCOUNT_PRODUCTS_COST).add("actualQueryCost", 10)
                        .add("throttleStatus", Json.createObjectBuilder().add("maximumAvailable", 1000.0)
                                .add("currentlyAvailable", 990).add("restoreRate", 50.0))))
                .build();
    };

    @Test
    void followsADiscountsItemProductsBeyondTheFirstPage() {
        JsonObject firstPage = Json.createObjectBuilder()
                .add("id", VIP_DISCOUNT)
                .add("discount", Json.createObjectBuilder().add("__typename", "DiscountCodeBasic")
                        .add("customerGets", Json.createObjectBuilder().add("items", Json.createObjectBuilder()
                                .add("products", products(1, CatalogQueries.ITEMS_PER_DISCOUNT, true)))))
                .build();
        PacedGraphql graphql = new PacedGraphql(CatalogFetchTest.STORE, shopify, new ThrottlePacer(clock, clock.sleeper()),
                RetryPolicy.standard(), clock.sleeper(), clock);

        JsonObject complete = new EdgePager(graphql).complete(firstPage, CatalogFetch.DISCOUNT_NESTED);

        JsonObject products = complete.getJsonObject("discount").getJsonObject("customerGets")
                .getJsonObject("items").getJsonObject("products");
        assertThat(products.getJsonArray("edges")).extracting(e -> e.asJsonObject().getJsonObject("node").getString("id"))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, VIP_PRODUCTS).mapToObj(DiscountItemPagingTest::productId).toList());
        assertThat(products.getJsonObject("pageInfo").getBoolean("hasNextPage")).isFalse();
        assertThat(followUps).singleElement().satisfies(variables -> {
            assertThat(variables.getString("id")).isEqualTo(VIP_DISCOUNT);
            assertThat(variables.getString("after")).isEqualTo("cursor-" + CatalogQueries.ITEMS_PER_DISCOUNT);
            assertThat(variables.getInt("first")).isEqualTo(CatalogQueries.FOLLOW_UP_PAGE);
        });
    }

    private static JsonObject products(int from, int to, boolean more) {
        JsonArrayBuilder edges = Json.createArrayBuilder();
        IntStream.rangeClosed(from, to).forEach(i -> edges.add(Json.createObjectBuilder()
                .add("cursor", "cursor-" + i).add("node", Json.createObjectBuilder().add("id", productId(i)))));
        return Json.createObjectBuilder().add("edges", edges)
                .add("pageInfo", Json.createObjectBuilder().add("hasNextPage", more).add("endCursor", "cursor-" + to))
                .build();
    }

    private static String productId(int n) {
        return "gid://shopify/Product/" + (10_000 + n);
    }
}
