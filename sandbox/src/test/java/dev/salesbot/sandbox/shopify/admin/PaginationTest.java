package dev.salesbot.sandbox.shopify.admin;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.salesbot.sandbox.shopify.admin.SandboxStores.at;
import static dev.salesbot.sandbox.shopify.admin.SandboxStores.body;
import static org.assertj.core.api.Assertions.assertThat;

@SuppressWarnings("unchecked")
class PaginationTest {

    private static final String PRODUCT_IDS = """
            query Page($first: Int, $after: String, $last: Int, $before: String) {
              products(first: $first, after: $after, last: $last, before: $before) {
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                edges { cursor node { id } }
                nodes { id }
              }
            }""";

    private static final String VARIANT_PAGE = """
            query Variants($id: ID!, $after: String) {
              product(id: $id) {
                variantsCount { count }
                variants(first: 50, after: $after) {
                  pageInfo { hasNextPage endCursor }
                  nodes { id title selectedOptions { name value } }
                }
              }
            }""";

    private final SandboxStores stores = new SandboxStores();
    private final SandboxShop shop = stores.store(1_000);

    @Test
    void walksAThousandProductsWithNoDuplicateOrGap() {
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        boolean more = true;
        while (more) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("first", 250);
            variables.put("after", after);
            Map<String, Object> body = body(stores.execute(shop, PRODUCT_IDS, variables, null));
            assertThat(body).doesNotContainKey("errors");
            List<Map<String, Object>> nodes = (List<Map<String, Object>>) at(body, "data.products.nodes");
            nodes.forEach(n -> seen.add((String) n.get("id")));
            assertThat(at(body, "data.products.pageInfo.hasPreviousPage")).isEqualTo(pages > 0);
            more = (Boolean) at(body, "data.products.pageInfo.hasNextPage");
            after = (String) at(body, "data.products.pageInfo.endCursor");
            pages++;
        }

        assertThat(pages).isEqualTo(4);
        assertThat(seen).doesNotHaveDuplicates()
                .containsExactlyElementsOf(shop.catalog().products().stream().map(p -> Ids.gid("Product", p.id())).toList());
    }

    @Test
    void edgeCursorsAreOpaqueAndResumeRightAfterTheirNode() {
        Map<String, Object> first = body(stores.execute(shop, PRODUCT_IDS, Map.of("first", 3), null));
        String cursor = (String) at(first, "data.products.edges.1.cursor");

        Map<String, Object> next = body(stores.execute(shop, PRODUCT_IDS, Map.of("first", 2, "after", cursor), null));

        assertThat(cursor).doesNotContain("Product").doesNotContain("last_id");
        assertThat(at(next, "data.products.nodes.0.id")).isEqualTo(at(first, "data.products.nodes.2.id"));
    }

    @Test
    void pagesBackwardsWithLastAndBefore() {
        Map<String, Object> page = body(stores.execute(shop, PRODUCT_IDS, Map.of("first", 10), null));
        String tenth = (String) at(page, "data.products.edges.9.cursor");

        Map<String, Object> back = body(stores.execute(shop, PRODUCT_IDS, Map.of("last", 3, "before", tenth), null));

        List<Object> ids = ((List<?>) at(back, "data.products.nodes")).stream()
                .map(n -> ((Map<?, ?>) n).get("id")).map(Object.class::cast).toList();
        assertThat(ids).containsExactly(at(page, "data.products.nodes.6.id"), at(page, "data.products.nodes.7.id"),
                at(page, "data.products.nodes.8.id"));
        assertThat(at(back, "data.products.pageInfo.hasPreviousPage")).isEqualTo(true);
        assertThat(at(back, "data.products.pageInfo.hasNextPage")).isEqualTo(true);
    }

    @Test
    void pagesTheVariantsOfAProductWithMoreThanAHundred() {
        CatalogProduct big = shop.catalog().products().stream()
                .filter(p -> p.variants().size() > 100).findFirst().orElseThrow();
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Map<String, Object> variables = new HashMap<>();
            variables.put("id", Ids.gid("Product", big.id()));
            variables.put("after", after);
            Map<String, Object> body = body(stores.execute(shop, VARIANT_PAGE, variables, null));
            assertThat(body).doesNotContainKey("errors");
            ((List<Map<String, Object>>) at(body, "data.product.variants.nodes")).forEach(n -> seen.add((String) n.get("id")));
            after = Boolean.TRUE.equals(at(body, "data.product.variants.pageInfo.hasNextPage"))
                    ? (String) at(body, "data.product.variants.pageInfo.endCursor") : null;
            pages++;
        } while (after != null);

        assertThat(pages).isGreaterThan(2);
        assertThat(seen).doesNotHaveDuplicates().hasSize(big.variants().size());
    }

    @Test
    void rejectsACursorItDidNotIssue() {
        Map<String, Object> body = body(stores.execute(shop, PRODUCT_IDS, Map.of("first", 5, "after", "bm9wZQ"), null));

        assertThat(at(body, "errors.0.message")).isEqualTo("Invalid cursor for current pagination sort.");
    }
}
