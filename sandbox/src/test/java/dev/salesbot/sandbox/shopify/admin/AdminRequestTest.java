package dev.salesbot.sandbox.shopify.admin;

import dev.salesbot.sandbox.shopify.admin.ShopifyAdminResource.AdminRequest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AdminRequestTest {

    @Test
    void readsQueryVariablesAndOperationNameFromJson() {
        AdminRequest request = AdminRequest.parse("application/json",
                "{\"query\":\"query P($first: Int!) { products(first: $first) { nodes { id } } }\","
                        + "\"variables\":{\"first\":5},\"operationName\":\"P\"}");

        assertThat(request.variables()).isEqualTo(Map.of("first", 5));
        assertThat(request.operationName()).isEqualTo("P");
    }

    @Test
    void readsABareQuerySentAsApplicationGraphql() {
        AdminRequest request = AdminRequest.parse("application/graphql", "{ shop { name } }");

        assertThat(request.query()).isEqualTo("{ shop { name } }");
        assertThat(request.variables()).isEmpty();
    }

    @Test
    void treatsShortAndFullShopNamesAsOneStore() {
        assertThat(SandboxShops.normalize("Acme")).isEqualTo(SandboxShops.normalize("acme.myshopify.com"));
    }
}
