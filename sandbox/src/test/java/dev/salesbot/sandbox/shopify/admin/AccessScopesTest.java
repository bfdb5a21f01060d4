package dev.salesbot.sandbox.shopify.admin;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.salesbot.sandbox.shopify.admin.SandboxStores.at;
import static dev.salesbot.sandbox.shopify.admin.SandboxStores.body;
import static org.assertj.core.api.Assertions.assertThat;

/** The simulated Admin API enforces access scopes per type and field, as Shopify does. */
class AccessScopesTest {

    private static final String POLICIES = "query P { shop { name shopPolicies { type title } } }";

    private final SandboxStores stores = new SandboxStores();

    @Test
    void deniesAFieldWhoseTypeNeedsAScopeTheTokenLacksWithDataNull() {
        SandboxShop shop = stores.store(5);

        Map<String, Object> body = body(stores.execute(shop, POLICIES, null, null, "read_products,read_discounts"));

        assertThat(body).containsEntry("data", null);
        assertThat(at(body, "errors.0.message"))
                .isEqualTo("Access denied for shopPolicies field. Required access: `read_legal_policies` access scope.");
        assertThat(at(body, "errors.0.extensions.code")).isEqualTo("ACCESS_DENIED");
        assertThat(at(body, "errors.0.extensions.requiredAccess")).isEqualTo("`read_legal_policies` access scope.");
        assertThat(at(body, "errors.0.path")).isEqualTo(List.of("shop", "shopPolicies"));
        assertThat(shop.stats().snapshot()).containsEntry("accessDenied", 1L);
    }

    @Test
    void servesTheFieldWhenTheScopeIsGranted() {
        SandboxShop shop = stores.store(5);
        Map<String, Object> body = body(stores.execute(shop, POLICIES, null, null, "read_products,read_legal_policies"));
        assertThat(body).doesNotContainKey("errors");
        assertThat(at(body, "data.shop.shopPolicies")).isInstanceOf(List.class);
    }

    @Test
    void deniesProductsWithoutReadProductsAndAWriteScopeGrantsTheRead() {
        SandboxShop shop = stores.store(5);
        String products = "{ products(first: 2) { nodes { id title } } }";

        assertThat(at(body(stores.execute(shop, products, null, null, "read_discounts")), "errors.0.extensions.code"))
                .isEqualTo("ACCESS_DENIED");
        assertThat(body(stores.execute(shop, products, null, null, "write_products"))).doesNotContainKey("errors");
    }

    @Test
    void deniesCodeDiscountsWithoutReadDiscounts() {
        SandboxShop shop = stores.store(20);
        Map<String, Object> body = body(stores.execute(shop,
                "{ discountNodes(first: 2, query: \"method:code\") { nodes { id } } }", null, null, "read_products"));
        assertThat(at(body, "errors.0.message")).isEqualTo(
                "Access denied for discountNodes field. Required access: Apps must have `read_discounts` access scope.");
    }

    @Test
    void checksEachObjectItServesSoProductsAmongNodesNeedOnlyReadProducts() {
        SandboxShop shop = stores.store(5);
        String id = Ids.gid("Product", shop.catalog().products().get(0).id());
        Map<String, Object> body = body(stores.execute(shop, "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
                Map.of("ids", List.of(id)), null, "read_products"));
        assertThat(body).doesNotContainKey("errors");
        assertThat(at(body, "data.nodes.0.id")).isEqualTo(id);
    }

    @Test
    void deniesAFieldTheStoresStaffPermissionsWithholdWhateverTheScopes() {
        SandboxShop shop = stores.store(5);
        shop.denyFields(List.of("Shop.shopPolicies"));
        Map<String, Object> body = body(stores.execute(shop, POLICIES, null, null, "read_products,read_legal_policies"));
        assertThat(body).containsEntry("data", null);
        assertThat(at(body, "errors.0.extensions.code")).isEqualTo("ACCESS_DENIED");
    }

    @Test
    void staticCheckNamesEveryFieldAQueryWouldBeDenied() {
        assertThat(AdminSchema.load().accessDenied(POLICIES, Map.of(), "read_products"))
                .containsExactly("Access denied for shopPolicies field. Required access: `read_legal_policies` access scope.");
        assertThat(AdminSchema.load().accessDenied(POLICIES, Map.of(), "read_legal_policies")).isEmpty();
    }
}
