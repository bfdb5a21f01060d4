package dev.salesbot.sandbox.shopify.admin;

import graphql.execution.RawVariables;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class QueryCostsTest {

    private final AdminSchema admin = AdminSchema.load();
    private final QueryCosts costs = new QueryCosts(admin.graphQLSchema());

    private QueryCosts.Requested requested(String query, Map<String, Object> variables) {
        return costs.requested(ExecutableNormalizedOperationFactory.createExecutableNormalizedOperationWithRawVariables(
                admin.graphQLSchema(), Parser.parse(query), null, RawVariables.of(variables)));
    }

    private int cost(String query) {
        return requested(query, Map.of()).cost();
    }

    @Test
    void anObjectCostsOneAndItsScalarsNothing() {
        assertThat(cost("{ shop { id name currencyCode primaryDomain { url } } }")).isEqualTo(2);
        assertThat(cost("{ shop { name } }")).isEqualTo(1);
    }

    @Test
    void aConnectionCostsTwoPlusFirstTimesItsNode() {
        assertThat(cost("{ products(first: 10) { edges { node { title } } } }")).isEqualTo(2 + 10);
    }

    @Test
    void nestedConnectionsMultiply() {
        String query = "{ products(first: 10) { edges { node { title variants(first: 5) { edges { node { price } } } } } } }";

        assertThat(cost(query)).isEqualTo(2 + 10 * (1 + 2 + 5));
    }

    @Test
    void pageInfoAndCursorsAreIncludedInTheConnectionsTwo() {
        assertThat(cost("{ products(first: 3) { pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }"))
                .isEqualTo(2 + 3);
    }

    @Test
    void anInterfaceCostsItsDearestPossibleSelection() {
        String query = """
                { node(id: "gid://shopify/Product/1") {
                    ... on Product { title variants(first: 5) { nodes { id } } }
                    ... on Collection { title }
                } }""";

        assertThat(cost(query)).isEqualTo(1 + 2 + 5);
    }

    @Test
    void nodesCostsOneObjectPerId() {
        assertThat(cost("{ nodes(ids: [\"gid://shopify/Product/1\", \"gid://shopify/Product/2\"]) { id } }")).isEqualTo(2);
    }

    @Test
    void aMutationCostsTen() {
        assertThat(cost("mutation { productUpdate(product: {id: \"gid://shopify/Product/1\", title: \"x\"}) "
                + "{ product { id variants(first: 100) { nodes { id } } } userErrors { message } } }")).isEqualTo(10);
    }

    @Test
    void pageSizesComeFromVariables() {
        // product 1 + featuredMedia 1 + its image 1 + options 1 + variants (2 + 10 × (variant 1 + selectedOptions 1))
        int product = 1 + 2 + 1 + (2 + 10 * 2);

        assertThat(requested(SampleQueries.PRODUCTS_PAGE, Map.of("first", 30)).cost()).isEqualTo(2 + 30 * product);
    }

    @Test
    void aConnectionWithoutFirstOrLastIsAProblem() {
        assertThat(requested("{ products { nodes { id } } }", Map.of()).problems())
                .extracting(QueryCosts.PageProblem::message)
                .containsExactly("you must provide one of first or last");
    }

    @Test
    void aPageOverTwoHundredFiftyIsAProblem() {
        assertThat(requested("{ products(first: 251) { nodes { id } } }", Map.of()).problems())
                .extracting(QueryCosts.PageProblem::message)
                .containsExactly("Argument 'first' on Field 'products' has an invalid value (251). "
                        + "Expected a page size from 0 to 250.");
    }
}
