package dev.salesbot.sandbox.shopify.admin;

import graphql.GraphQLError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AdminSchemaTest {

    private final AdminSchema admin = AdminSchema.load();

    @Test
    void loadsTheRealShopifySchema() {
        assertThat(admin.graphQLSchema().getQueryType().getName()).isEqualTo("QueryRoot");
        assertThat(admin.graphQLSchema().getObjectType("Product").getFieldDefinition("variants")).isNotNull();
        assertThat(admin.graphQLSchema().getAllTypesAsList()).hasSizeGreaterThan(3000);
    }

    @Test
    void acceptsACorrectProductsQuery() {
        assertThat(admin.validate(SampleQueries.PRODUCTS_PAGE)).isEmpty();
    }

    @Test
    void rejectsAFieldShopifyDoesNotHaveNamingIt() {
        List<GraphQLError> errors = admin.validate("{ products(first: 5) { nodes { id colour } } }");

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getMessage()).contains("colour").contains("Product");
    }

    @Test
    void reportsASyntaxErrorAsAnError() {
        assertThat(admin.validate("{ products(first: 5) { nodes { id } ")).hasSize(1);
    }

    @Test
    void reportsCodeDiscountNodesAsDeprecated() {
        String query = "{ codeDiscountNodes(first: 5) { nodes { id } } }";

        assertThat(admin.validate(query)).isEmpty();
        assertThat(admin.deprecatedFieldsSelected(query)).containsExactly("QueryRoot.codeDiscountNodes");
    }

    @Test
    void reportsDeprecatedFieldsInsideFragmentsAndDeprecatedArguments() {
        String query = """
                mutation($input: ProductInput) {
                  productUpdate(input: $input) { product { ...P } userErrors { message } }
                }
                fragment P on Product { id featuredImage { url } }
                """;

        assertThat(admin.validate(query)).isEmpty();
        assertThat(admin.deprecatedFieldsSelected(query))
                .containsExactly("Mutation.productUpdate(input)", "Product.featuredImage");
    }

    @Test
    void findsNothingDeprecatedInTheCurrentCatalogQuery() {
        assertThat(admin.deprecatedFieldsSelected(SampleQueries.PRODUCTS_PAGE)).isEmpty();
    }
}
